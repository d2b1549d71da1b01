// Biểu 06 (templates/phuluc-xa.v1.json, table `bieu06`) built in SurveyJS the way a SurveyJS
// author would: one dropdown matrix whose input columns take numbers as they are typed
// (textUpdateMode onTyping), computed columns (3), (7), (11) as expressions, a TỔNG CỘNG footer
// (totalType sum), the row check (3) = (7) + (11) as an expression column, and the three named
// rates of the template as expression questions. Every cell's input carries
// data-cell="<row>.<column>" like the app's, so one harness drives both.
(function () {
  var rows = [
    ['hs_ho_tich', 'Hộ tịch'],
    ['hs_chung_thuc', 'Chứng thực'],
    ['hs_dat_dai', 'Đất đai'],
    ['hs_bao_tro_xa_hoi', 'Bảo trợ xã hội'],
    ['hs_nguoi_co_cong', 'Người có công'],
    ['hs_lao_dong', 'Lao động, việc làm'],
    ['hs_thi_dua', 'Thi đua, khen thưởng'],
    ['hs_khac', 'Lĩnh vực khác'],
  ];
  function input(name, title) {
    return { name: name, title: title, cellType: 'text', inputType: 'number', min: 0, totalType: 'sum' };
  }
  function sum(name, title, parts) {
    var refs = parts.map(function (p) { return '{row.' + p + '}'; }).join(', ');
    return { name: name, title: title, cellType: 'expression', expression: 'sum(' + refs + ')', totalType: 'sum' };
  }
  var T = '{bieu06-total.';
  function rate(name, title, num, den) {
    var n = num.map(function (c) { return T + c + '}'; }).join(' + ');
    var d = T + den + '}';
    return {
      type: 'expression', name: name, title: title, displayStyle: 'percent', precision: 2,
      expression: 'iif(' + d + ' > 0, (' + n + ') / ' + d + ', "—")',
    };
  }
  var json = {
    textUpdateMode: 'onTyping',
    showQuestionNumbers: 'off',
    elements: [
      {
        type: 'matrixdropdown',
        name: 'bieu06',
        title: 'Tình hình, kết quả giải quyết TTHC (Biểu 06/VPCP/KSTT)',
        description: 'Đơn vị tính: Số hồ sơ TTHC',
        rows: rows.map(function (r) { return { value: r[0], text: r[1] }; }),
        totalText: 'TỔNG CỘNG',
        columnMinWidth: '64px',
        columns: [
          sum('c3', '(3) Nhận: tổng số', ['c4', 'c5', 'c6']),
          input('c4', '(4) Mới tiếp nhận trực tuyến'),
          input('c5', '(5) Mới tiếp nhận trực tiếp, bưu chính'),
          input('c6', '(6) Từ kỳ trước chuyển qua'),
          sum('c7', '(7) Đã giải quyết: tổng số', ['c8', 'c9', 'c10']),
          input('c8', '(8) Trước hạn'),
          input('c9', '(9) Đúng hạn'),
          input('c10', '(10) Quá hạn'),
          sum('c11', '(11) Đang giải quyết: tổng số', ['c12', 'c13']),
          input('c12', '(12) Trong hạn'),
          input('c13', '(13) Quá hạn'),
          {
            name: 'check',
            title: 'Kiểm tra (3) = (7) + (11)',
            cellType: 'expression',
            expression:
              'iif({row.c3} = {row.c7} + {row.c11}, "", "(3) phải bằng (7) + (11)")',
          },
        ],
      },
      rate('dung_han', 'Tỷ lệ giải quyết đúng hạn ((8)+(9))/(7)', ['c8', 'c9'], 'c7'),
      rate('qua_han', 'Tỷ lệ quá hạn ((10)+(13))/(3)', ['c10', 'c13'], 'c3'),
      rate('tien_do', 'Tỷ lệ đúng tiến độ ((8)+(9)+(12))/(3)', ['c8', 'c9', 'c12'], 'c3'),
    ],
  };
  var survey = new Survey.Model(json);
  survey.onAfterRenderMatrixCell.add(function (_, o) {
    if (!o.htmlElement || !o.row || !o.column) return;
    if (o.htmlElement.closest("tfoot")) {
      o.htmlElement.setAttribute('data-cell', 'hs_tong.' + o.column.name);
      return;
    }
    var el = o.htmlElement.querySelector('input');
    if (el) el.setAttribute('data-cell', o.row.rowName + '.' + o.column.name);
  });
  // The benchmark fills the sample report through this.
  window.benchSurvey = survey;
  SurveyUI.renderSurvey(survey, document.getElementById('form'));
})();
