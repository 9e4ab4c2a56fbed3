#!/usr/bin/env python3
"""Generate the District 6 (Quận 6) example of mh51: invented people, 2016–2022.

Every person and member here is invented from common Vietnamese family, middle and given
names; any likeness to a real person is chance. Identity numbers follow the CCCD layout
(079 = Hồ Chí Minh City, a century/gender digit, the birth year) with random digits.

The data is built so that mh51's own reports give the figures of the May 2022 report of
District 6 (SPEC §9):

  report summary -p 2021                    opening 271, intake 55, total_managed 326,
                                            progressed 59, 4 other exits, closing 263
  report summary -p 2022-01-01..2022-05-20  opening 263, every open case assigned to a
                                            member of one of the 6 organizations

The output is deterministic (a fixed seed): run `python3 examples/quan6/generate.py` from
anywhere and the files next to this script are rewritten identically. `mh51 demo` embeds
them. Member ids and case numbers in the activity files are those a fresh database gives
when the files are loaded in order (members.csv, cases.csv, assignments.csv, reviews.csv,
supports.csv, departures.csv): ids 1.. in file order, case numbers YYYY-NNNN per year in
file order.

members.csv and cases.csv are written as Excel writes "CSV UTF-8": a BOM, CRLF line ends,
Vietnamese headers and dd/mm/yyyy dates; the activity files are plain CSV with ISO dates.
"""

import csv
import datetime as dt
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20220520)
D = dt.date
END = D(2022, 5, 20)  # the report's date: nothing is recorded after it
Y2021 = (D(2021, 1, 1), D(2021, 12, 31))
WARDS = list(range(1, 15))
ORGS = ["MTTQ", "CA", "PN", "TN", "CCB", "NCT"]
# Some wards are bigger than others.
WARD_WEIGHTS = [6, 7, 8, 5, 6, 9, 10, 7, 8, 11, 9, 7, 6, 8]

FAMILY = (
    ["Nguyễn"] * 12 + ["Trần"] * 5 + ["Lê"] * 4 + ["Phạm"] * 3 + ["Hoàng", "Huỳnh"] * 2
    + ["Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Lâm", "Đinh", "Mai",
       "Tô", "Quách", "Tăng", "Lưu", "Châu", "Văn", "Tạ"]
)
MIDDLE_M = ["Văn", "Văn", "Văn", "Minh", "Thanh", "Quốc", "Hữu", "Đức", "Công", "Hoàng", "Tấn", "Gia", "Thành"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ", "Bích", "Hồng", "Thùy"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hiếu", "Huy", "Khang", "Khoa", "Kiên", "Long", "Lộc",
           "Minh", "Nam", "Nhân", "Phong", "Phúc", "Quang", "Sang", "Sơn", "Tài", "Tâm", "Thắng", "Thành",
           "Thiện", "Tiến", "Toàn", "Trí", "Trung", "Tuấn", "Vinh", "Việt", "Vũ", "Đạt", "Đức", "Hậu", "Khánh",
           "Nghĩa", "Tùng", "Hào", "Lợi", "Phát", "Tín"]
GIVEN_F = ["Lan", "Mai", "Hoa", "Hương", "Hạnh", "Hằng", "Linh", "Loan", "Ngân", "Nhung", "Oanh", "Phương",
           "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Yến", "Diễm", "Hà", "My", "Nga", "Xuân", "Liên",
           "Dung", "Hiền", "Ly"]
STREETS = ["Hậu Giang", "Minh Phụng", "Lò Gốm", "Bình Phú", "Hồng Bàng", "Kinh Dương Vương", "Tân Hòa Đông",
           "Bà Hom", "Văn Thân", "Bình Tiên", "Nguyễn Văn Luông", "Tháp Mười", "Lê Quang Sung", "Chợ Lớn",
           "Bà Lài", "Bãi Sậy", "An Dương Vương", "Phạm Phú Thứ"]

CATEGORIES = [  # (name as in the spreadsheet, weight)
    ("Chấp hành xong án phạt tù", 26),
    ("Sử dụng trái phép chất ma túy, sau cai nghiện", 24),
    ("Thanh thiếu niên vi phạm pháp luật", 10),
    ("Giáo dục tại xã, phường", 8),
    ("Án treo", 8),
    ("Cải tạo không giam giữ", 7),
    ("Đặc xá, tha tù trước thời hạn", 6),
    ("Từ trường giáo dưỡng, cơ sở giáo dục bắt buộc về", 4),
    ("Có tiền án, tiền sự", 4),
    ("Quản chế", 2),
    ("Khác", 1),
]
REASON_VI = {
    "progressed": "Tiến bộ",
    "moved": "Chuyển nơi cư trú",
    "deceased": "Chết",
    "reoffended": "Tái phạm, bị bắt",
    "institution": "Đưa vào cơ sở cai nghiện, giáo dục bắt buộc, trường giáo dưỡng",
    "other": "Khác",
}
CASE_NOTES = ["Hoàn cảnh khó khăn, sống cùng mẹ", "Gia đình phối hợp tốt", "Chưa có việc làm ổn định",
              "Làm phụ hồ", "Chạy xe ôm công nghệ", "Bán hàng ở chợ Bình Tây", "Đang học nghề",
              "Sống một mình", "Có con nhỏ"]
REVIEW_NOTES = ["Gia đình phối hợp tốt", "Đã có việc làm ổn định", "Còn khó khăn về kinh tế",
                "Vắng nhà, đã liên hệ qua điện thoại", "Chấp hành tốt quy định địa phương",
                "Tham gia sinh hoạt tổ dân phố", "Cần theo dõi thêm", "Có biểu hiện tụ tập, đã nhắc nhở"]


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def rdate(a, b):
    """A random day in [a, b]."""
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def dmy(d):
    return d.strftime("%d/%m/%Y")


USED_NAMES = set()


def person_name(female):
    while True:
        fam = R.choice(FAMILY)
        if female:
            parts = [fam, R.choice(MIDDLE_F), R.choice(GIVEN_F)]
            if R.random() < 0.15:
                parts.insert(2, R.choice(["Ngọc", "Thanh", "Kim", "Thu"]))
        else:
            parts = [fam, R.choice(MIDDLE_M), R.choice(GIVEN_M)]
            if R.random() < 0.08:
                parts.insert(2, R.choice(["Minh", "Quốc", "Thanh", "Hoàng"]))
        if len(set(parts[1:])) < len(parts) - 1:
            continue
        name = " ".join(parts)
        if fold(name) not in USED_NAMES:
            USED_NAMES.add(fold(name))
            return name


USED_IDS = set()


def cccd(female, year):
    while True:
        century = 0 if year < 2000 else 2
        v = "079%d%02d%06d" % (century + (1 if female else 0), year % 100, R.randint(0, 999999))
        if v not in USED_IDS:
            USED_IDS.add(v)
            return v


def cmnd():
    while True:
        v = "02%07d" % R.randint(0, 9999999)
        if v not in USED_IDS:
            USED_IDS.add(v)
            return v


def phone():
    return R.choice(["090", "091", "093", "097", "098", "070", "079", "089"]) + "%07d" % R.randint(0, 9999999)


# Members ---------------------------------------------------------------------------------

class Member:
    def __init__(self, mid, name, org, ward, joined):
        self.id, self.name, self.org, self.ward, self.joined = mid, name, org, ward, joined
        self.left = None
        self.phone = phone()


members = []
for w in WARDS:
    for org in ORGS:
        for _ in range(2):
            female = {"PN": True, "CA": R.random() < 0.15, "CCB": R.random() < 0.05}.get(org, R.random() < 0.45)
            members.append(Member(len(members) + 1, person_name(female), org, w, rdate(D(2014, 1, 6), D(2015, 12, 28))))

# Five members leave during 2021; a new member of the same org joins their ward shortly
# before, takes over their open cases, and one more member joins ward 10 mid-year.
leavers = []
joiners = []
for w in R.sample(WARDS, 5):
    old = R.choice([m for m in members if m.ward == w])
    joined = rdate(D(2021, 3, 1), D(2021, 8, 31))
    old.left = joined + dt.timedelta(days=R.randint(25, 60))
    leavers.append(old)
    female = old.org == "PN" or R.random() < 0.4
    joiners.append((old, Member(0, person_name(female), old.org, w, joined)))
extra = Member(0, person_name(False), "TN", 10, D(2021, 7, 12))
new_members = sorted([j for _, j in joiners] + [extra], key=lambda m: m.joined)
for m in new_members:
    m.id = len(members) + 1
    members.append(m)
replacement = {old.id: new for old, new in joiners}


def active(m, d):
    return m.joined <= d and (m.left is None or d <= m.left)


# Cases -----------------------------------------------------------------------------------

class Person:
    def __init__(self, ward, youth_at=None):
        self.female = R.random() < 0.12
        self.name = person_name(self.female)
        if youth_at:
            y = youth_at.year - R.randint(15, 19)
        else:
            y = R.randint(1962, 1999)
        self.birth = rdate(D(y, 1, 1), D(y, 12, 31))
        self.born = dmy(self.birth) if R.random() < 0.5 else str(y)
        r = R.random()
        self.id_number = cccd(self.female, y) if r < 0.8 else (cmnd() if r < 0.9 else "")
        self.address = "%d%s %s, Phường %d, Quận 6" % (
            R.randint(1, 420), "/%d" % R.randint(1, 40) if R.random() < 0.5 else "", R.choice(STREETS), ward)


class Case:
    def __init__(self, enrolled, released=None, reason=None):
        self.ward = R.choices(WARDS, WARD_WEIGHTS)[0]
        self.enrolled, self.released, self.reason = enrolled, released, reason
        self.category = R.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0]
        youth = self.category.startswith("Thanh thiếu niên") or self.category.startswith("Từ trường")
        self.person = Person(self.ward, enrolled if youth else None)
        self.note = R.choice(CASE_NOTES) if R.random() < 0.3 else ""
        self.member = None
        self.reassign = None  # (date, member) — only for cases never released
        self.no = None


def days(n):
    return dt.timedelta(days=n)


cases = []

# Historical cases, released before 2021.
for year, n in [(2016, 62), (2017, 60), (2018, 55), (2019, 45), (2020, 28)]:
    for _ in range(n):
        enrolled = rdate(D(year, 1, 4), D(year, 12, 20) if year < 2020 else D(2020, 6, 30))
        released = min(enrolled + days(R.randint(240, 1100)), rdate(D(2020, 9, 1), D(2020, 12, 28)))
        if released < enrolled + days(120):
            enrolled = released - days(R.randint(120, 240))
        reason = R.choices(["progressed", "moved", "reoffended", "institution", "deceased", "other"],
                           [80, 7, 5, 3, 2, 3])[0]
        cases.append(Case(enrolled, released, reason))
historical = list(cases)

# Open on 1 January 2021: 271.
opening = []
for year, n in [(2016, 12), (2017, 22), (2018, 45), (2019, 76), (2020, 116)]:
    for _ in range(n):
        opening.append(Case(rdate(D(year, 1, 4), D(year, 12, 29))))
cases += opening

# Taken in during 2021: 55, none in 2022 up to the report.
intake = [Case(rdate(D(2021, 1, 5), D(2021, 12, 24))) for _ in range(55)]
cases += intake

# Exits in 2021: 59 progressed (after at least a year), 2 moved, 1 deceased, 1 reoffended.
old_enough = [c for c in opening if c.enrolled <= D(2020, 3, 31)]
for c in R.sample(old_enough, 59):
    c.released = rdate(max(Y2021[0], c.enrolled + days(365)), D(2021, 12, 28))
    c.reason = "progressed"
still = [c for c in opening if c.released is None]
for c, reason in zip(R.sample(still, 3), ["moved", "deceased", "reoffended"]):
    c.released = rdate(max(Y2021[0], c.enrolled + days(30)), D(2021, 12, 20))
    c.reason = reason
mover = R.choice([c for c in intake if c.enrolled <= D(2021, 6, 30)])
mover.released, mover.reason = rdate(D(2021, 9, 1), D(2021, 12, 15)), "moved"

# Exits in 2022 up to the report: 20 progressed and 1 sent to an institution.
open_2022 = [c for c in opening + intake if c.released is None and c.enrolled <= D(2021, 3, 31)]
for i, c in enumerate(R.sample(open_2022, 21)):
    c.released = rdate(max(D(2022, 1, 4), c.enrolled + days(365)), D(2022, 5, 18))
    c.reason = "progressed" if i < 20 else "institution"

# Six people come back: their earlier case was closed, and they are enrolled again later
# (matched by identity number).
returning = [c for c in historical if c.person.id_number and c.released <= D(2020, 3, 31)
             and c.reason in ("reoffended", "institution", "other", "progressed")]
returning.sort(key=lambda c: (c.reason == "progressed", c.released))
later = sorted([c for c in opening + intake if c.enrolled >= D(2019, 1, 1)], key=lambda c: c.enrolled)
taken = set()
for h in returning[:6]:
    for c in later:
        if id(c) not in taken and c.enrolled >= h.released + days(90):
            taken.add(id(c))
            c.person, c.ward = h.person, h.ward
            c.category = "Có tiền án, tiền sự" if h.reason != "institution" else "Sử dụng trái phép chất ma túy, sau cai nghiện"
            c.note = "Đã từng được quản lý, nay đưa vào diện lại"
            break

cases.sort(key=lambda c: c.enrolled)

# Members in charge: at enrollment, the least loaded member of the ward serving that day.
# A member who leaves in 2021 takes only cases closed before they leave, or cases enrolled
# well before, which are handed to their replacement before they go.
def load(m, d):
    return sum(1 for c in cases if c.member is m and c.enrolled <= d and (c.released is None or c.released > d))


for c in cases:
    cands = []
    for m in members:
        if m.ward != c.ward or not active(m, c.enrolled):
            continue
        if m.left is not None:
            ok = (c.released is not None and c.released <= m.left) or (
                c.released is None and c.enrolled <= m.left - days(45)
                and c.enrolled < replacement[m.id].joined)
            if not ok:
                continue
        cands.append(m)
    R.shuffle(cands)
    c.member = min(cands, key=lambda m: load(m, c.enrolled))

for old in leavers:
    new = replacement[old.id]
    for c in cases:
        if c.member is old and c.released is None:
            c.reassign = (rdate(max(new.joined, c.enrolled + days(1)), old.left - days(2)), new)

# A few more reassignments, as happens: a member overloaded, or a better-placed one.
movable = [c for c in cases if c.released is None and c.reassign is None and c.member.left is None
           and c.enrolled <= D(2021, 6, 30)]
for c in R.sample(movable, 16):
    d = rdate(max(D(2021, 2, 1), c.enrolled + days(30)), D(2021, 12, 20))
    others = [m for m in members if m.ward == c.ward and m is not c.member and m.left is None and active(m, d)]
    c.reassign = (d, min(others, key=lambda m: (load(m, d), m.id)))

seq = {}
for c in cases:
    y = c.enrolled.year
    seq[y] = seq.get(y, 0) + 1
    c.no = "%d-%04d" % (y, seq[y])


def assigned(c, d):
    if c.reassign and d >= c.reassign[0]:
        return c.reassign[1]
    return c.member


# Reviews and supports, from 2021 (when the register moved to mh51) up to the report.
reviews = []
for c in cases:
    start = max(c.enrolled, Y2021[0])
    stop = min(c.released or END, END)
    if start > stop:
        continue
    d = start + days(R.randint(3, 30) if c.enrolled < Y2021[0] else R.randint(2, 12))
    weights = [55, 35, 8, 2] if "ma túy" not in c.category else [35, 45, 16, 4]
    dates = []
    while d <= stop:
        dates.append(d)
        d += days(R.randint(25, 60))
    for i, d in enumerate(dates):
        cls = R.choices("ABCD", weights)[0]
        if c.reason == "progressed" and i >= len(dates) - 3:
            cls = "A"
        if c.reason == "reoffended" and i == len(dates) - 1:
            cls = "C"
        note = R.choice(REVIEW_NOTES) if R.random() < 0.12 else ""
        reviews.append((d, c.no, cls, note))
reviews.sort()

supports = []
live = [c for c in cases if (c.released or END) >= Y2021[0]]


def window(c):
    return max(c.enrolled, Y2021[0]), min(c.released or END, END)


for kind, n in [("job", 38), ("loan", 30), ("training", 26), ("other", 4)]:
    for c in R.sample(live, n):
        a, b = window(c)
        d = rdate(a, b)
        amount, note = "", ""
        if kind == "loan":
            amount = str(R.choice([5, 8, 10, 10, 15, 20, 20, 30]) * 1_000_000)
            note = "Vốn vay ưu đãi, mua xe bán hàng" if R.random() < 0.5 else "Hỗ trợ vốn làm ăn nhỏ"
        elif kind == "training":
            if R.random() < 0.5:
                amount = str(R.choice([2, 3, 4, 6]) * 1_000_000)
            note = R.choice(["Học nghề sửa xe máy", "Học nghề điện dân dụng", "Học nghề may", "Học nghề nấu ăn"])
        elif kind == "job":
            note = R.choice(["Giới thiệu làm công nhân", "Giới thiệu làm bảo vệ", "Giới thiệu phụ bếp",
                             "Giới thiệu giao hàng"])
        else:
            note = "Hỗ trợ làm giấy tờ tùy thân"
        supports.append((d, c.no, "loan" if kind == "loan" else kind, amount, note))
# Tết gifts, 2021 and 2022.
for lo, hi in [(D(2021, 2, 1), D(2021, 2, 9)), (D(2022, 1, 20), D(2022, 1, 28))]:
    for c in R.sample([c for c in live if window(c)[0] <= lo and window(c)[1] >= hi], 30):
        supports.append((rdate(lo, hi), c.no, "gift", str(R.choice([300, 500, 500, 1000]) * 1000), "Quà Tết"))
supports.sort()

assignments = sorted((c.reassign[0], c.no, c.reassign[1].id) for c in cases if c.reassign)

# Check the article's figures here too (SPEC §6 definitions), before writing anything.
def summary(f, t):
    opening_ = sum(1 for c in cases if c.enrolled < f and not (c.released and c.released < f))
    intake_ = sum(1 for c in cases if f <= c.enrolled <= t)
    exits = {}
    for c in cases:
        if c.released and f <= c.released <= t:
            exits[c.reason] = exits.get(c.reason, 0) + 1
    return opening_, intake_, exits


o, i, ex = summary(D(2021, 1, 1), D(2021, 12, 31))
assert (o, i, o + i) == (271, 55, 326), (o, i)
assert ex.get("progressed") == 59 and sum(ex.values()) - 59 == 4, ex
assert o + i - sum(ex.values()) == 263
o22, _, _ = summary(D(2022, 1, 1), END)
assert o22 == 263
open22 = [c for c in cases if c.enrolled < D(2022, 1, 1) and not (c.released and c.released < D(2022, 1, 1))]
assert all(active(assigned(c, D(2022, 1, 1)), D(2022, 1, 1)) for c in open22)
assert sum(1 for m in members if active(m, D(2022, 1, 1))) >= 132
assert len(reviews) < 5000

# Write -----------------------------------------------------------------------------------

def write(name, header, rows, excel=False):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n" if excel else "\n")
        w.writerow(header)
        w.writerows(rows)


write("members.csv", ["STT", "Họ tên", "Đoàn thể", "Phường", "Điện thoại", "Ngày tham gia"],
      [[m.id, m.name, m.org, "Phường %d" % m.ward, m.phone, dmy(m.joined)] for m in members], excel=True)
write("cases.csv", ["STT", "Họ tên", "Năm sinh", "Giới tính", "Số CCCD", "Địa chỉ", "Phường", "Diện",
                    "Ngày vào diện", "Thành viên", "Ghi chú", "Ngày ra khỏi diện", "Lý do", "Người được ghi nhận"],
      [[n + 1, c.person.name, c.person.born, "Nữ" if c.person.female else "Nam", c.person.id_number,
        c.person.address, c.ward, c.category, dmy(c.enrolled), c.member.id, c.note,
        dmy(c.released) if c.released else "", REASON_VI[c.reason] if c.reason else "", ""]
       for n, c in enumerate(cases)], excel=True)
write("assignments.csv", ["case", "member", "date"], [[no, m, d.isoformat()] for d, no, m in assignments])
write("reviews.csv", ["case", "date", "class", "by", "note"], [[no, d.isoformat(), cls, "", note]
                                                               for d, no, cls, note in reviews])
write("supports.csv", ["case", "date", "kind", "amount", "by", "note"],
      [[no, d.isoformat(), kind, amount, "", note] for d, no, kind, amount, note in supports])
write("departures.csv", ["member", "left"], [[m.id, m.left.isoformat()] for m in sorted(leavers, key=lambda m: m.left)])

print("members %d (active 1 Jan 2022: %d), cases %d, reassignments %d, reviews %d, supports %d, departures %d" % (
    len(members), sum(1 for m in members if active(m, D(2022, 1, 1))), len(cases), len(assignments), len(reviews),
    len(supports), len(leavers)))
