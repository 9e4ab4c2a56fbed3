### Phiếu tiếp xúc của tháng (sheet) và bảng xuất (export): tiêu đề, cột và lời nhắc.
