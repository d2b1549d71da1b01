"""Writes the sample criteria table (docs/samples/tieu-chi-xa-mau.csv and .xlsx).

A province-like commune set, as a decision's appendix prints it, plus the optional rule
columns of docs/CRITERIA-SPREADSHEET.md. Run: python3 docs/samples/make-sample.py
(the .xlsx needs openpyxl from PyPI). The figures are a sample, not a province's set.
"""
import csv
import pathlib

HERE = pathlib.Path(__file__).parent
HEADER = ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Cách chấm",
          "Tài liệu kiểm chứng", "Loại quy tắc", "Số liệu (ô phụ lục)", "Mức",
          "Khi không phát sinh", "Không áp dụng"]


def r(stt, title, mx="", how="", tlkc="", rule="", src="", muc="", empty="", na=""):
    return [stt, title, mx, how, tlkc, rule, src, muc, empty, na]


ROWS = [
    r("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "10"),
    r("1", "Kế hoạch cải cách hành chính năm", "3"),
    r("1.1", "Ban hành Kế hoạch CCHC năm", "1",
      "Ban hành trong tháng 01: 1; trong tháng 02: 0,5;", "Kế hoạch CCHC năm của UBND xã"),
    # A merged STT cell: the rule's second line on a row of its own.
    r("", "", "", "sau tháng 02 hoặc không ban hành: 0 (tính theo ngày ký)"),
    r("1.2", "Mức độ hoàn thành Kế hoạch CCHC", "1",
      "Hoàn thành 100%: 1; từ 90% đến dưới 100%: 0,5; dưới 90%: 0", "Báo cáo CCHC năm",
      "theo mức tỷ lệ", "Tỷ lệ hoàn thành Kế hoạch CCHC", "100: 1; 90: 0,5; 0: 0"),
    r("1.3", "Báo cáo CCHC định kỳ đầy đủ, đúng hạn", "1", "Đầy đủ, đúng hạn: 1; không: 0",
      "Các báo cáo quý, 6 tháng, năm", "có/không", "Báo cáo CCHC định kỳ gửi đầy đủ, đúng hạn"),
    r("2", "Kiểm tra cải cách hành chính", "2"),
    r("2.1", "Ban hành Kế hoạch kiểm tra CCHC", "0,5", "Có: 0,5; không: 0", "Kế hoạch kiểm tra",
      "có/không"),
    r("2.2", "Khắc phục tồn tại, hạn chế phát hiện qua kiểm tra", "1,5",
      "Tỷ lệ đã khắc phục × 1,5; không phát hiện tồn tại: 1,5", "Báo cáo kết quả kiểm tra",
      "tỷ lệ", "kt_ty_le_xu_ly", "", "đủ điểm"),
    r("3", "Tuyên truyền cải cách hành chính", "2"),
    r("3.1", "Ban hành Kế hoạch tuyên truyền CCHC", "0,5", "Có: 0,5; không: 0",
      "Kế hoạch tuyên truyền", "có/không"),
    r("3.2", "Đa dạng hình thức tuyên truyền", "1,5", "Mỗi hình thức: 0,5",
      "Tin bài, biên bản hội nghị", "cộng ý", "",
      "Trên Trang thông tin điện tử: 0,5; Trên hệ thống truyền thanh: 0,5; Hội nghị, tập huấn: 0,5"),
    r("4", "Sáng kiến, giải pháp mới trong CCHC được công nhận", "1",
      "Có sáng kiến được công nhận: 1; không: 0", "Quyết định công nhận"),
    r("5", "Thực hiện nhiệm vụ cấp trên giao về CCHC", "2",
      "Hoàn thành 100%: 2; từ 80% đến dưới 100%: 1; dưới 80%: 0", "Báo cáo kết quả"),
    r("II", "CẢI CÁCH THỂ CHẾ", "6"),
    r("1", "Xây dựng, ban hành văn bản quy phạm pháp luật", "2"),
    r("1.1", "Ban hành văn bản đúng thẩm quyền, trình tự, thủ tục", "1",
      "Đúng: 1; có văn bản sai: 0; không ban hành văn bản: không áp dụng", "Văn bản đã ban hành",
      "", "", "", "", "x"),
    r("1.2", "Ban hành Kế hoạch theo dõi thi hành pháp luật", "1", "Có: 1; không: 0",
      "Kế hoạch theo dõi thi hành pháp luật", "có/không", "tc_theo_doi_thi_hanh"),
    r("2", "Rà soát, kiểm tra, xử lý văn bản", "4"),
    r("2.1", "Ban hành Kế hoạch rà soát văn bản", "1", "Có: 1; không: 0", "Kế hoạch rà soát",
      "có/không"),
    r("2.2", "Xử lý văn bản phát hiện qua rà soát", "3",
      "Từ 80% trở lên: tỷ lệ × 3; dưới 80%: 0", "Báo cáo rà soát",
      "tỷ lệ từ ngưỡng", "Tỷ lệ văn bản đã được xử lý", "80", "đủ điểm"),
    r("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "18"),
    r("1", "Công khai thủ tục hành chính", "3"),
    r("1.1", "Tỷ lệ TTHC được công khai đầy đủ, đúng quy định", "2",
      "100%: 2; từ 90% đến dưới 100%: 1; dưới 90%: 0", "Ảnh chụp nơi niêm yết, Trang TTĐT",
      "theo mức tỷ lệ", "tthc_ty_le_cong_khai", "100: 2; 90: 1; 0: 0"),
    r("1.2", "Niêm yết địa chỉ tiếp nhận phản ánh, kiến nghị", "1", "Có: 1; không: 0",
      "Ảnh chụp nơi niêm yết", "có/không"),
    r("2", "Giải quyết thủ tục hành chính", "9"),
    r("2.1", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", "4",
      "100%: 4; từ 95%: 2; từ 90%: 1; dưới 90%: 0", "Biểu 06, Hệ thống thông tin giải quyết TTHC",
      "theo mức tỷ lệ", "Tỷ lệ giải quyết đúng hạn", "100: 4; 95: 2; 90: 1; 0: 0"),
    r("2.2", "Hồ sơ quá hạn có văn bản xin lỗi", "1",
      "100% hồ sơ quá hạn có văn bản xin lỗi: 1; không hồ sơ quá hạn: 1", "Văn bản xin lỗi",
      "theo mức tỷ lệ", "hs_ty_le_xin_loi", "100: 1; 0: 0", "đủ điểm"),
    r("2.3", "Tỷ lệ hồ sơ đúng tiến độ theo QĐ 766/QĐ-TTg", "2",
      "Từ 95% trở lên: 2; dưới 95%: tỷ lệ × 2 ÷ 95%", "Cổng Dịch vụ công",
      "đủ điểm từ ngưỡng", "Tỷ lệ đúng tiến độ (QĐ 766/QĐ-TTg)", "95"),
    r("2.4", "Không có hồ sơ giải quyết quá hạn", "2", "Mỗi hồ sơ quá hạn trừ 0,25", "Biểu 06",
      "trừ điểm", "hs_tong.c10", "0,25"),
    r("3", "Phản ánh, kiến nghị về thủ tục hành chính", "3"),
    r("3.1", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "2",
      "Tỷ lệ × 2; không có phản ánh, kiến nghị: 2", "Sổ theo dõi", "tỷ lệ",
      "pakn_ty_le_dung_han", "", "đủ điểm"),
    r("3.2", "Công khai kết quả trả lời phản ánh, kiến nghị", "1", "Đầy đủ: 1; không: 0",
      "Trang TTĐT"),
    r("4", "Khảo sát sự hài lòng", "3"),
    r("4.1", "Tỷ lệ người dân hài lòng", "2", "Từ 90%: 2; từ 80%: 1; dưới 80%: 0",
      "Phiếu khảo sát", "theo mức tỷ lệ", "ks_ty_le_hai_long", "90: 2; 80: 1; 0: 0"),
    # A rule the import cannot read: the item becomes manual and is listed.
    r("4.2", "Tổ chức lấy ý kiến người dân", "1", "Theo đánh giá của Hội đồng",
      "Kế hoạch khảo sát", "theo cảm nhận"),
    r("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "6"),
    r("1", "Ban hành Quy chế làm việc của UBND xã", "2", "Có: 2; không: 0", "Quy chế làm việc",
      "có/không", "bm_quy_che"),
    r("2", "Sử dụng biên chế được giao", "2", "Không vượt biên chế: 2; vượt: 0",
      "Báo cáo biên chế"),
    r("3", "Sắp xếp thôn, tổ dân phố theo quy định", "2",
      "Đúng quy định: 2; chưa: 0; không thuộc diện sắp xếp: không áp dụng", "Nghị quyết HĐND",
      "", "", "", "", "x"),
    r("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "9"),
    r("1", "Chất lượng đội ngũ cán bộ, công chức", "4"),
    r("1.1", "Tỷ lệ cán bộ, công chức đạt chuẩn", "2", "Tỷ lệ × 2", "Danh sách cán bộ, công chức",
      "tỷ lệ", "cv_ty_le_dat_chuan"),
    r("1.2", "Đào tạo, bồi dưỡng theo kế hoạch", "2", "Hoàn thành kế hoạch: 2; không: 0",
      "Kế hoạch, báo cáo đào tạo"),
    r("2", "Kỷ luật, kỷ cương hành chính", "3"),
    r("2.1", "Không có cán bộ, công chức bị xử lý kỷ luật", "3", "Mỗi trường hợp trừ 1 điểm",
      "Quyết định kỷ luật", "trừ điểm", "cv_ky_luat", "1"),
    r("3", "Đánh giá, xếp loại cán bộ, công chức đúng quy định", "2 điểm", "Đúng: 2; không: 0",
      "Quyết định xếp loại"),
    r("VI", "CẢI CÁCH TÀI CHÍNH CÔNG", "7"),
    r("1", "Ban hành Quy chế chi tiêu nội bộ", "2", "Có: 2; không: 0", "Quy chế chi tiêu nội bộ",
      "có/không", "ns_quy_che_chi_tieu"),
    r("2", "Công khai ngân sách đầy đủ, đúng quy định", "2", "Có: 2; không: 0",
      "Quyết định công khai", "có/không", "ns_cong_khai"),
    r("3", "Thực hiện kiến nghị của kiểm toán, thanh tra", "3",
      "100%: 3; từ 80%: 2; từ 50%: 1; dưới 50%: 0; không có kiến nghị: 3", "Báo cáo",
      "theo mức tỷ lệ", "ns_ty_le_kien_nghi", "100: 3; 80: 2; 50: 1; 0: 0", "đủ điểm"),
    r("VII", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "14"),
    r("1", "Dịch vụ công trực tuyến", "6"),
    r("1.1", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "3",
      "Từ 50% trở lên: 3; dưới 50%: tỷ lệ × 3 ÷ 50%", "Biểu 06", "đủ điểm từ ngưỡng",
      "truc_tuyen", "50"),
    r("1.2", "Tỷ lệ hồ sơ thanh toán trực tuyến", "1",
      "Từ 30% trở lên: 1; dưới 30%: tỷ lệ × 1 ÷ 30%", "Cổng Dịch vụ công",
      "đủ điểm từ ngưỡng", "tt_ty_le", "30"),
    r("1.3", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "1", "Tỷ lệ × 1", "Hệ thống một cửa",
      "tỷ lệ", "sh_ty_le_tiep_nhan"),
    r("1.4", "Tỷ lệ kết quả giải quyết được số hóa", "1", "Tỷ lệ × 1", "Hệ thống một cửa",
      "tỷ lệ", "sh_ty_le_ket_qua"),
    r("2", "Văn bản điện tử, chữ ký số", "4"),
    r("2.1", "Tỷ lệ văn bản đi gửi dưới dạng điện tử", "2", "Từ 90%: 2; từ 70%: 1; dưới 70%: 0",
      "Hệ thống quản lý văn bản", "theo mức tỷ lệ", "vb_ty_le_dien_tu", "90: 2; 70: 1; 0: 0"),
    r("2.2", "Tỷ lệ văn bản đi được ký số", "2", "Tỷ lệ × 2", "Hệ thống quản lý văn bản",
      "tỷ lệ", "vb_ty_le_ky_so"),
    r("3", "Áp dụng, duy trì ISO 9001:2015", "2", "Có: 2; không: 0", "Quyết định công bố",
      "có/không", "iso_ap_dung"),
    r("4", "Trang thông tin điện tử của xã hoạt động, cập nhật thường xuyên", "2",
      "Có: 2; không: 0", "Địa chỉ Trang TTĐT", "có/không", "cong_ttdt"),
    r("VIII", "ĐIỀU TRA XÃ HỘI HỌC (Sở Nội vụ tổ chức, xã không tự chấm)", "30"),
    r("IX", "ĐIỂM THƯỞNG", "2"),
    r("1", "Được cấp có thẩm quyền khen thưởng về CCHC", "2",
      "Bằng khen: 2; giấy khen: 1", "Quyết định khen thưởng"),
    r("X", "ĐIỂM TRỪ", "3"),
    r("1", "Hồ sơ quá hạn còn đang giải quyết cuối kỳ", "3", "Mỗi hồ sơ trừ 0,5, tối đa 3",
      "Biểu 06, cột (13)", "mỗi trường hợp", "hs_tong.c13", "0,5"),
    r("", "Tổng cộng", "100"),
]

PREAMBLE = [
    ["ỦY BAN NHÂN DÂN TỈNH …"],
    ["PHỤ LỤC"],
    ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ (MẪU)"],
    ["(Mẫu minh họa cách nhập bảng tiêu chí, không phải bộ tiêu chí của một tỉnh)"],
    [],
]


def main():
    with open(HERE / "tieu-chi-xa-mau.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for row in PREAMBLE + [HEADER] + ROWS:
            w.writerow(row)
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        print("openpyxl is not installed: wrote the CSV only")
        return
    wb = Workbook()
    ws = wb.active
    ws.title = "Bo tieu chi"
    for row in PREAMBLE + [HEADER]:
        ws.append(row)
    for row in ROWS:
        out = list(row)
        # Points as spreadsheet numbers, as a province's file holds them.
        try:
            out[2] = float(out[2].replace(",", "."))
        except ValueError:
            pass
        ws.append(out)
    first = len(PREAMBLE) + 2
    for i, row in enumerate(ROWS):
        if row[0] == "" and row[1] == "" and i > 0:
            # The continuation row: its STT, title and points merged with the row above.
            for col in "ABC":
                ws.merge_cells(f"{col}{first + i - 1}:{col}{first + i}")
    for cell in ws[len(PREAMBLE) + 1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in zip("ABCDEFGHIJ", [7, 60, 10, 50, 35, 18, 32, 30, 14, 10]):
        ws.column_dimensions[col].width = width
    wb.save(HERE / "tieu-chi-xa-mau.xlsx")


if __name__ == "__main__":
    main()
