### Quy tắc của sổ (domain): từ, lời từ chối và thông báo của các quy tắc đăng ký, phân công, tiếp xúc, giúp đỡ.
