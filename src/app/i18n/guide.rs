//! Strings of the Hướng dẫn tab (`components::guide`): a short user guide, seven sections in
//! the order an officer works through a report. The same steps, with a screenshot of each,
//! are in docs/HUONG-DAN.md: change both together.
//!
//! A section is a heading, numbered steps and a few notes. Its steps and notes are slices of
//! plain strings (the scheme's one addition: a list of paragraphs), so each language may say
//! a step in more or fewer sentences; the e2e test checks that both languages have seven
//! sections. Names of buttons and tabs are quoted «…» exactly as the screen shows them.

use super::Lang;

/// One section of the guide.
pub struct GuideSection {
    /// Stable name for the DOM (`#guide-{code}`) and tests; the same in every language.
    pub code: &'static str,
    pub title: &'static str,
    pub steps: &'static [&'static str],
    pub notes: &'static [&'static str],
}

pub struct Guide {
    pub guide_title: &'static str,
    pub guide_intro: &'static str,
    /// The label of the table of contents.
    pub guide_contents: &'static str,
    /// The label of a section's notes ("Cần biết").
    pub guide_notes: &'static str,
    /// Where the illustrated guide is.
    pub guide_more: &'static str,
    pub guide_sections: [GuideSection; 7],
}

pub const VI: Guide = Guide {
    guide_title: "Hướng dẫn sử dụng",
    guide_intro:
        "Ứng dụng giúp lập phụ lục số liệu của báo cáo cải cách hành chính (CCHC) định kỳ, \
        tự chấm điểm Chỉ số CCHC và in văn bản khổ A4. Làm lần lượt theo các thẻ ở trên, từ \
        trái sang phải. Mọi thay đổi được tự động lưu trong trình duyệt.",
    guide_contents: "Mục lục",
    guide_notes: "Cần biết",
    guide_more: "Bản hướng dẫn có hình minh họa từng bước là tệp docs/HUONG-DAN.md trong bộ mã \
                 của ứng dụng; hỏi người quản trị nếu cần.",
    guide_sections: [
        GuideSection {
            code: "identity",
            title: "1. Thông tin báo cáo",
            steps: &[
                "Mở thẻ «Thông tin báo cáo». Chọn loại đơn vị (xã, phường, đặc khu), gõ tên đơn \
                 vị và tỉnh. Ô «Đơn vị nhận báo cáo» để trống thì dùng nội dung gợi ý trong ô.",
                "Chọn loại báo cáo (Quý I–IV, 6 tháng, 9 tháng, Năm) và năm. Kỳ số liệu tự điền \
                 theo Nghị định 09/2019/NĐ-CP: báo cáo quý tính từ ngày 15 tháng cuối quý trước \
                 đến ngày 14 tháng cuối quý; báo cáo 6 tháng, 9 tháng và năm tính từ ngày 15/12 \
                 năm trước đến ngày 14/6, 14/9, 14/12.",
                "Cần ngày khác thì sửa thẳng vào ô ngày; bấm «Theo quy định» để trở lại ngày theo \
                 Nghị định.",
                "Gõ số, ký hiệu (ví dụ 15/BC-UBND), ngày báo cáo, địa danh, người ký, chức vụ \
                 người ký và «Nơi nhận» (mỗi dòng một nơi).",
            ],
            notes: &[
                "Các thông tin này in ở đầu báo cáo và ở dòng «Kèm theo Báo cáo số …» của từng \
                 phụ lục.",
                "Ngày báo cáo sớm hơn ngày cuối của kỳ số liệu được nhắc ngay dưới ô ngày.",
            ],
        },
        GuideSection {
            code: "appendix",
            title: "2. Phụ lục số liệu",
            steps: &[
                "Gõ số theo cách viết Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần \
                 thập phân, ví dụ «1.794», «99,5». Gõ «1794» cũng được.",
                "Ô nền xám có dấu «=» là ô tự tính (tổng, tỷ lệ): không cần gõ. Đưa chuột lên ô \
                 để xem công thức. Tỷ lệ không tính được (thiếu số liệu, mẫu số bằng 0) hiện «—».",
                "Biểu 06 (hồ sơ thủ tục hành chính): chỉ gõ các cột chi tiết, ứng dụng tự cộng \
                 (3) = (4) + (5) + (6), (7) = (8) + (9) + (10), (11) = (12) + (13) và kiểm tra \
                 (3) = (7) + (11): số hồ sơ tiếp nhận bằng số đã giải quyết cộng số đang giải \
                 quyết. Dòng «Tổng cộng» tự cộng các lĩnh vực.",
                "Số liệu mâu thuẫn (phần lớn hơn tổng, các phần không khớp tổng, tỷ lệ gõ tay \
                 khác số tính được, ô gõ sai như «12a») được đánh dấu ngay tại ô: khung màu, dấu \
                 ✖ (lỗi) hoặc ⚠ (cảnh báo) và lời giải thích dưới ô.",
                "Danh sách «Cần kiểm tra» ở đầu thẻ liệt kê mọi lỗi và cảnh báo; bấm vào một \
                 dòng để đến đúng ô cần sửa.",
                "Bàn phím: Tab sang ô kế tiếp, Shift+Tab quay lại; Enter hoặc ↓ xuống ô dưới \
                 (hết bảng thì sang bảng sau), ↑ lên ô trên; ← → sang ô bên cạnh khi con trỏ \
                 đã ở đầu hoặc cuối số. Ô tự tính được bỏ qua.",
            ],
            notes: &[
                "Ô để trống là chưa có số liệu, không phải số 0; riêng trong bảng đã có số (như \
                 Biểu 06), ô trống được tính là 0.",
                "Mục không bắt buộc chỉ đưa vào báo cáo khi đánh dấu «Đưa mục này vào báo cáo».",
            ],
        },
        GuideSection {
            code: "scoring",
            title: "3. Tự chấm điểm",
            steps: &[
                "Bộ tiêu chí gồm các lĩnh vực, tiêu chí và tiêu chí thành phần, mỗi mục có điểm \
                 tối đa. Dòng trên cùng cho biết điểm tự chấm, chỉ số và số tiêu chí chưa chấm.",
                "Tiêu chí ghi «Tự động» được chấm từ số liệu ở thẻ «Phụ lục số liệu» (ví dụ tỷ \
                 lệ hồ sơ đúng hạn lấy từ Biểu 06): không gõ lại số; muốn đổi điểm thì sửa số \
                 liệu ở phụ lục.",
                "Các tiêu chí còn lại do cán bộ tự chấm, tùy loại: bấm «Có» hoặc «Không»; đánh \
                 dấu các ý đã đạt (hoặc «Không đạt ý nào»); hoặc gõ điểm, ví dụ 0,75 (theo bước \
                 ghi dưới ô).",
                "Tiêu chí không áp dụng với xã: đánh dấu «Không áp dụng đối với xã». Tiêu chí đó \
                 không tính vào điểm đạt được, cũng không tính vào điểm tối đa.",
                "Ghi «Giải trình» và thêm «Tài liệu kiểm chứng»: tên tài liệu, số ký hiệu (ví dụ \
                 08/KH-UBND), ngày ban hành, trang hoặc mục. Dòng «cần có» gợi ý tài liệu phù \
                 hợp.",
                "Nạp bộ tiêu chí của tỉnh: bấm «Nạp bộ tiêu chí của tỉnh…» trong khung vàng (hoặc \
                 ở thẻ «Báo cáo đã lưu», phần «Bộ tiêu chí tự chấm điểm») và chọn tệp JSON do \
                 tỉnh cung cấp. Tệp được kiểm tra trước khi dùng: có lỗi thì bị từ chối, bộ đang \
                 dùng giữ nguyên. «Dùng lại bộ mẫu» để quay về bộ mẫu.",
                "Mẫu phụ lục của tỉnh (dòng thêm, bớt, đổi tên) cũng nạp được từ tệp JSON, ở \
                 phần «Mẫu phụ lục số liệu» của thẻ «Báo cáo đã lưu»; bộ tiêu chí đang dùng phải \
                 đọc được mẫu mới. Báo cáo lập theo mẫu hoặc bộ tiêu chí khác có khung vàng: nút \
                 «Chuyển báo cáo sang mẫu đang dùng…» liệt kê trước số liệu và phần tự chấm sẽ \
                 bị bỏ, ô mới, dòng đổi tên; chỉ khi bấm «Chuyển» mới áp dụng, và Hoàn tác lấy \
                 lại được.",
            ],
            notes: &[
                "Trong bộ tiêu chí mẫu, tiêu chí thành phần không có tài liệu kiểm chứng được 0 \
                 điểm (như quy định của nhiều tỉnh); ứng dụng ghi rõ tại tiêu chí đó.",
                "Khi đang dùng bộ tiêu chí MẪU, đầu thẻ có khung vàng «Đây là bộ tiêu chí MẪU», \
                 đầu màn hình có nhãn «Bộ tiêu chí mẫu» và Phụ lục II in dòng ghi chú «MẪU»: điểm \
                 chỉ để tham khảo. Hãy nạp bộ tiêu chí của tỉnh trước khi tự chấm chính thức.",
                "Điểm điều tra xã hội học do cơ quan có thẩm quyền điều tra, tính riêng; xã \
                 không tự chấm phần này.",
            ],
        },
        GuideSection {
            code: "summary",
            title: "4. Tổng hợp",
            steps: &[
                "Khung lớn bên trái: Chỉ số CCHC tự chấm = tổng điểm ÷ điểm tối đa được áp dụng \
                 × 100, và xếp loại theo bộ tiêu chí (ví dụ Tốt, Khá, Trung bình, Kém).",
                "Bên cạnh: điểm đạt được, điểm thưởng, điểm trừ, tổng điểm, điểm tối đa được áp \
                 dụng và điểm điều tra xã hội học (tính riêng).",
                "«Điểm theo lĩnh vực»: mỗi lĩnh vực một thanh, kèm số điểm; «Việc còn lại»: số \
                 lỗi, cảnh báo của số liệu và các tiêu chí chưa chấm.",
                "«Tiêu chí mất nhiều điểm nhất»: các tiêu chí bị mất nhiều điểm nhất và lý do. \
                 Nên xem lại các tiêu chí này trước khi gửi báo cáo.",
            ],
            notes: &[
                "Xếp loại được so theo chỉ số đã làm tròn 2 chữ số thập phân, đúng như số hiện \
                 trên màn hình.",
                "Thẻ này chỉ để xem; muốn thay đổi, sửa ở thẻ «Phụ lục số liệu» hoặc «Tự chấm \
                 điểm».",
            ],
        },
        GuideSection {
            code: "print",
            title: "5. Bản in",
            steps: &[
                "Mở thẻ «Bản in»: bản xem trước khổ A4, đúng như khi in. Gồm trang báo cáo, Phụ \
                 lục I (số liệu; Biểu 06 trên trang ngang) và Phụ lục II (kết quả tự chấm điểm, \
                 trang ngang).",
                "Đọc các dòng nhắc phía trên bản xem trước (số liệu còn lỗi, tiêu chí chưa chấm, \
                 bộ tiêu chí MẪU, chưa có số hoặc ngày báo cáo). Các dòng này không in ra giấy.",
                "Bấm «In / Lưu PDF». Trong hộp thoại in: chọn máy in, hoặc chọn «Lưu dưới dạng \
                 PDF» để có tệp gửi qua hệ thống văn bản; khổ giấy A4; lề «Mặc định»; tỷ lệ \
                 100%; tắt «Đầu trang và chân trang».",
            ],
            notes: &[
                "Trang ngang (Biểu 06, Phụ lục II) tự xoay khi in, không cần chọn khổ ngang.",
                "Ô để trống in để trống; tỷ lệ không tính được in «—»; ô gõ sai in đúng như đã \
                 gõ, kèm dấu (*).",
                "Chưa có số hoặc ngày báo cáo thì bản in để trống chỗ đó để văn thư ghi tay.",
            ],
        },
        GuideSection {
            code: "transfer",
            title: "6. Lưu và chuyển báo cáo",
            steps: &[
                "Không cần bấm lưu: mỗi thay đổi được tự động lưu trong trình duyệt của máy này, \
                 đầu màn hình ghi «Đã lưu lúc …» (ví dụ «Đã lưu lúc 14:32»).",
                "Thẻ «Báo cáo đã lưu» liệt kê các báo cáo trong trình duyệt: «Mở» một báo cáo, \
                 «Báo cáo mới» để bắt đầu báo cáo trống, «Xóa» (ứng dụng hỏi lại trước khi xóa). \
                 Báo cáo đã xóa được giữ 30 ngày ở mục «Báo cáo đã xóa» ngay bên dưới: bấm \
                 «Khôi phục» để lấy lại, «Xóa hẳn» để xóa ngay.",
                "«Tạo kỳ tiếp theo» tạo báo cáo kỳ sau cho cùng đơn vị (ví dụ Quý I → Quý II): \
                 giữ đơn vị, người ký, nơi nhận; để trống số liệu, điểm, số và ngày báo cáo; cột \
                 (6) «kỳ trước chuyển qua» của Biểu 06 lấy từ cột (11) «đang giải quyết» của kỳ \
                 này. Các dòng đó báo lỗi (3) ≠ (7) + (11) cho tới khi nhập số hồ sơ đã giải \
                 quyết và đang giải quyết của kỳ mới.",
                "«Xuất JSON» tải về một tệp chứa toàn bộ báo cáo và các số đã tính, tên tệp theo \
                 đơn vị, kỳ và năm, ví dụ phuluc-cchc_xa-tan-ha_nam_2025.json. Dùng để gửi đi, \
                 giữ bản sao hoặc chuyển sang máy khác.",
                "«Nhập JSON…» (hoặc kéo thả tệp vào trang) mở tệp đã xuất. Ứng dụng cho xem \
                 trước: đơn vị, kỳ, số ô đã nhập, số tiêu chí đã chấm, và báo cáo sẽ được thêm \
                 mới hay thay thế báo cáo cùng mã. Bấm «Thêm báo cáo» hoặc «Thay thế báo cáo»; \
                 «Hủy» để thôi.",
                "Tệp hỏng hoặc không phải tệp của ứng dụng bị từ chối, kèm lý do: «Không nhập \
                 được tệp … Báo cáo đang mở không thay đổi.» Không có gì bị ghi đè.",
            ],
            notes: &[
                "Báo cáo chỉ nằm trong trình duyệt trên máy này: xóa «dữ liệu duyệt web» là xóa \
                 cả báo cáo. Hãy xuất JSON định kỳ để có bản sao.",
                "«Hoàn tác» và «Làm lại» ở đầu màn hình (Ctrl+Z, Ctrl+Y hoặc Ctrl+Shift+Z) lùi \
                 hoặc tiến từng thay đổi của báo cáo đang mở, kể cả xóa một ô và nhập tệp thay \
                 báo cáo; tối đa 200 bước, trong lúc trang còn mở.",
                "Mở ứng dụng ở hai tab: khi một tab lưu, tab kia cập nhật ngay; sửa các ô khác \
                 nhau thì được gộp. Cùng một ô sửa khác nhau ở hai tab thì ứng dụng hỏi giữ giá \
                 trị «Trong tab này» hay «Ở tab khác».",
            ],
        },
        GuideSection {
            code: "offline",
            title: "7. Dùng khi không có mạng",
            steps: &[
                "Sau lần mở đầu tiên khi có mạng, ứng dụng được lưu sẵn trong trình duyệt. Những \
                 lần sau mở đúng địa chỉ đó, trên cùng trình duyệt, là dùng được khi không có \
                 mạng.",
                "Có thể cài ứng dụng như một chương trình: trên thanh địa chỉ của Chrome, Edge \
                 hoặc Cốc Cốc, bấm biểu tượng «Cài đặt» (hoặc menu ⋮ → «Cài đặt Phụ lục CCHC»).",
                "Khi có phiên bản mới, trình duyệt tự tải về ở chế độ nền rồi hiện thông báo \
                 «Đã có phiên bản mới của ứng dụng» với nút «Tải lại». Công việc không bị gián \
                 đoạn: phiên bản đang dùng vẫn chạy; bấm «Tải lại» khi thuận tiện, số liệu đã \
                 nhập được giữ nguyên.",
            ],
            notes: &[
                "Ứng dụng chỉ lưu sẵn được khi mở qua địa chỉ https://… (hoặc http://localhost). \
                 Mở qua http:// tới một máy khác trong mạng nội bộ thì chỉ dùng được khi có mạng.",
            ],
        },
    ],
};

pub const EN: Guide = Guide {
    guide_title: "User guide",
    guide_intro: "This app drafts the appendix tables of the periodic administrative-reform \
                  (CCHC) report, self-scores the PAR Index and prints the A4 document. Work \
                  through the tabs above from left to right. Every change is saved in the \
                  browser automatically.",
    guide_contents: "Contents",
    guide_notes: "Good to know",
    guide_more: "A guide with a screenshot of each step (in Vietnamese) is docs/HUONG-DAN.md in \
                 the app's source; ask your administrator.",
    guide_sections: [
        GuideSection {
            code: "identity",
            title: "1. Report details",
            steps: &[
                "Open “Report details”. Choose the kind of unit (commune, ward, special zone) \
                 and type its name and province. Left empty, “Receiving body” uses the \
                 suggestion shown in the field.",
                "Choose the report type (Quarter 1–4, 6 months, 9 months, Year) and the year. \
                 The data window fills in under Decree 09/2019/NĐ-CP: a quarter runs from the \
                 15th of the previous quarter's last month to the 14th of its own last month; \
                 the 6-month, 9-month and annual reports run from 15/12 of the previous year to \
                 14/6, 14/9 and 14/12.",
                "Need other dates? Type them in the date fields; “Use the decree's dates” puts \
                 the decree's back.",
                "Type the number and symbol (e.g. 15/BC-UBND), the report date, place name, \
                 signer, signer's title and the recipients (one per line).",
            ],
            notes: &[
                "These details head the report and the line “Attached to Report No. …” of every \
                 appendix.",
                "A report date before the end of its data window is pointed out under the date.",
            ],
        },
        GuideSection {
            code: "appendix",
            title: "2. Appendix figures",
            steps: &[
                "Type numbers the Vietnamese way: a dot groups thousands, a comma starts the \
                 decimals, e.g. “1.794”, “99,5”. “1794” works too.",
                "Grey cells marked “=” are computed (totals, rates): nothing to type. Hover over \
                 one to see its formula. A rate that cannot be computed (missing figures, a zero \
                 denominator) shows “—”.",
                "Biểu 06 (administrative-procedure dossiers): type the detail columns only; the \
                 app adds (3) = (4) + (5) + (6), (7) = (8) + (9) + (10), (11) = (12) + (13) and \
                 checks (3) = (7) + (11): dossiers received equal those resolved plus those \
                 pending. The total row adds up the fields.",
                "Inconsistent figures (a part larger than its whole, parts not adding up to \
                 their total, a typed rate that disagrees with its own figures, an entry such as \
                 “12a”) are marked at the cell: a coloured frame, ✖ (error) or ⚠ (warning) and \
                 an explanation under the cell.",
                "The “To check” list at the top of the tab lists every error and warning; click \
                 an entry to go to the cell to fix.",
                "Keyboard: Tab to the next cell, Shift+Tab back; Enter or ↓ to the cell below \
                 (past the bottom, to the next table), ↑ up; ← → to the next cell once the caret \
                 is at the start or end of the entry. Computed cells are skipped.",
            ],
            notes: &[
                "An empty cell means no figure, not zero; in a table that has figures (such as \
                 Biểu 06) an empty cell counts as 0.",
                "An optional section goes into the report only when “Include this section in \
                 the report” is ticked.",
            ],
        },
        GuideSection {
            code: "scoring",
            title: "3. Self-scoring",
            steps: &[
                "The criteria set has areas, criteria and sub-criteria, each with a maximum. The \
                 line at the top shows the self-scored points, the index and the items not \
                 scored yet.",
                "Items marked “Automatic” score themselves from the “Appendix figures” (e.g. the \
                 on-time rate from Biểu 06): do not type the figure again; to change the score, \
                 correct the appendix.",
                "You score the other items, depending on their kind: click “Yes” or “No”; tick \
                 the sub-items met (or “None met”); or type the points, e.g. 0,75 (in the step \
                 shown under the field).",
                "An item that does not apply to a commune: tick “Not applicable to the \
                 commune”. It then counts neither in the points achieved nor in the maximum.",
                "Write the “Explanation” and add the “Evidence documents”: title, \
                 number and symbol (e.g. 08/KH-UBND), date of issue, page or section. The \
                 “expected” line suggests which document fits.",
                "Load your province's set: click “Load your province's criteria…” in the yellow \
                 box (or, under “Saved reports”, the part “Self-scoring criteria”) and choose the \
                 JSON file from the province. The file is checked before use: one with a fault \
                 is refused and the set in use is kept. “Use the sample again” goes back to the \
                 sample.",
                "A province's appendix (rows added, removed or reworded) loads from a JSON file \
                 too, under “Saved reports”, part “Figures appendix template”; the criteria set \
                 in use must be able to read it. A report made on another appendix or scored on \
                 another set shows a yellow box: “Move the report onto the templates in use…” \
                 lists first the figures and self-assessments that would be dropped, new cells \
                 and renamed rows; only “Move” applies it, and Undo brings everything back.",
            ],
            notes: &[
                "In the sample set, a sub-criterion with no evidence document scores 0 (as many \
                 provinces rule); the app says so at the item.",
                "While the SAMPLE set is in use, a yellow box “This is a SAMPLE criteria set” \
                 heads the tab, the header shows “Sample criteria” and Appendix II prints a \
                 “SAMPLE” note: scores are indicative only. Load your province's set before \
                 official self-scoring.",
                "Survey points come from the competent body's sociological survey and are \
                 counted apart; the commune does not self-score them.",
            ],
        },
        GuideSection {
            code: "summary",
            title: "4. Summary",
            steps: &[
                "The large box on the left: the self-scored PAR Index = total points ÷ \
                 applicable maximum × 100, and the classification of the criteria set (e.g. \
                 Good, Fair, Average, Poor).",
                "Beside it: points achieved, bonus, penalty, total, applicable maximum and the \
                 survey points (counted apart).",
                "“Points by area”: one bar per area with its points; “Still to do”: the errors \
                 and warnings in the figures and the items not scored yet.",
                "“Items losing most points”: the items that lose the most points, and why. \
                 Review them before sending the report.",
            ],
            notes: &[
                "The classification compares the index rounded to 2 decimals, exactly as shown.",
                "This tab is read-only; make changes under “Appendix figures” or \
                 “Self-scoring”.",
            ],
        },
        GuideSection {
            code: "print",
            title: "5. Print",
            steps: &[
                "Open “Print”: an A4 preview, exactly as it prints. It holds the report page, \
                 Appendix I (figures; Biểu 06 on a landscape page) and Appendix II (self-scoring \
                 results, landscape).",
                "Read the reminders above the preview (errors in the figures, items not scored, \
                 the SAMPLE criteria, no number or date yet). They are not printed.",
                "Click “Print / Save as PDF”. In the print dialog: choose a printer, or “Save as \
                 PDF” (“Lưu dưới dạng PDF”) for a file to send through the document system; \
                 paper A4; margins “Default”; scale 100%; turn “Headers and footers” off.",
            ],
            notes: &[
                "Landscape pages (Biểu 06, Appendix II) turn by themselves; no need to choose \
                 landscape.",
                "Empty cells print empty; a rate that cannot be computed prints “—”; a wrong \
                 entry prints as typed, marked (*).",
                "With no number or date yet, the print leaves the space blank for the clerk to \
                 fill in by hand.",
            ],
        },
        GuideSection {
            code: "transfer",
            title: "6. Saving and moving reports",
            steps: &[
                "No need to save: every change is saved in this computer's browser and the \
                 header says “Saved at …” (e.g. “Saved at 14:32”).",
                "“Saved reports” lists the reports in this browser: “Open” one, “New report” to \
                 start a blank one, “Delete” (the app asks first). Deleted reports are kept for \
                 30 days under “Deleted reports” just below: “Restore” brings one back, “Delete \
                 for good” removes it at once.",
                "“Start next period” makes the next period's report for the same unit (e.g. \
                 Quarter 1 → Quarter 2): the unit, signer and recipients stay; figures, scores, \
                 number and date are empty; Biểu 06 column (6), carried over, is taken from this \
                 period's column (11), pending. Those rows show the error (3) ≠ (7) + (11) until \
                 the new period's resolved and pending dossiers are typed.",
                "“Export JSON” downloads one file with the whole report and its computed \
                 figures, named after the unit, period and year, e.g. \
                 phuluc-cchc_xa-tan-ha_nam_2025.json. Use it to send the report, keep a copy or \
                 move to another computer.",
                "“Import JSON…” (or drop the file on the page) opens an exported file. The app \
                 shows a preview: unit, period, figures filled in, items scored, and whether the \
                 report will be added or replace the one with the same id. Click “Add report” or \
                 “Replace report”; “Cancel” to leave it.",
                "A damaged file, or one that is not this app's, is refused with the reason: “The \
                 file … cannot be imported. The open report is unchanged.” Nothing is \
                 overwritten.",
            ],
            notes: &[
                "Reports live only in this browser on this computer: clearing “browsing data” \
                 deletes them too. Export JSON regularly to keep a copy.",
                "“Undo” and “Redo” at the top (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z) step back or \
                 forward through the open report's changes, a cleared cell and an import that \
                 replaced the report included; up to 200 steps, while the page stays open.",
                "With the app open in two tabs, a save in one shows at once in the other; \
                 changes to different fields are merged. A field changed differently in both \
                 asks which value to keep: “In this tab” or “In the other tab”.",
            ],
        },
        GuideSection {
            code: "offline",
            title: "7. Working offline",
            steps: &[
                "After the first visit online, the app is kept in the browser. From then on, the \
                 same address in the same browser opens and works with no network.",
                "You can install the app like a program: in the address bar of Chrome, Edge or \
                 Cốc Cốc, click the “Install” icon (or menu ⋮ → “Install Phụ lục CCHC”).",
                "When a new version is out, the browser downloads it in the background, then \
                 shows “A new version of the app is ready” with a “Reload” button. Your work is \
                 not interrupted: the running version goes on; click “Reload” when convenient, \
                 your figures are kept.",
            ],
            notes: &[
                "The app can keep itself offline only when opened at an https://… address (or \
                 http://localhost). Opened over http:// from another computer on the office \
                 network, it works only while online.",
            ],
        },
    ],
};

/// The strings of the guide in `lang`.
pub fn guide(lang: Lang) -> &'static Guide {
    super::pick(lang, &VI, &EN)
}
