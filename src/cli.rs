//! What the user can type: clap types only, no work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The heading of the options every command takes (`--db`, `--lang`, `--actor`,
/// `--key-file`), shown after each command's own (SPEC §18); `cli_vi::clap_words` puts it in
/// the reader's language.
pub const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "mh51",
    version,
    about = "Register of the community 5+1 model (mô hình 5+1): enroll, assign, review, release, report",
    long_about = None
)]
pub struct Cli {
    /// Database file [default: mh51.db; for demo, mh51-demo.db].
    #[arg(long, global = true, env = "MH51_DB", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// Language of labels and messages (default: vi when LANG starts with vi, else en).
    #[arg(long, global = true, env = "MH51_LANG", value_enum, help_heading = GLOBAL)]
    pub lang: Option<Lang>,
    /// Who is acting, recorded in the audit log (default: the OS user).
    #[arg(long, global = true, env = "MH51_ACTOR", help_heading = GLOBAL)]
    pub actor: Option<String>,
    /// File whose first line is the passphrase of an encrypted register (readable by its
    /// owner only); without it the passphrase is asked on the terminal.
    #[arg(long, global = true, env = "MH51_KEY_FILE", value_name = "FILE", help_heading = GLOBAL)]
    pub key_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

/// The output format, a type of the rendering layer's (`crate::view`).
pub use crate::view::Format;

/// Output options of every read command.
#[derive(Debug, Clone, Args)]
pub struct Out {
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// With CSV: start with a UTF-8 BOM and guard formula-like cells (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// Write to this file (created 0600, never overwritten) instead of stdout.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// Tables: every column at its natural width, whatever the terminal's width.
    #[arg(long)]
    pub wide: bool,
}

/// `--ward`, `--org`, `--member`: look at one part of the register (SPEC §17).
#[derive(Debug, Clone, Default, Args)]
pub struct Scope {
    /// Only this ward (code or name).
    #[arg(long)]
    pub ward: Option<String>,
    /// Only this organization (code or name).
    #[arg(long)]
    pub org: Option<String>,
    /// Only this member (id or name).
    #[arg(long)]
    pub member: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new database (mode 0600) with orgs, categories, wards 1..N and settings.
    Init {
        /// District name, e.g. "Quận 6".
        #[arg(long)]
        district: Option<String>,
        /// Number of wards to create, named "Phường 1".."Phường N".
        #[arg(long, default_value_t = 14)]
        wards: u32,
        /// People each member must help make progress per year.
        #[arg(long, default_value_t = 2)]
        quota: u32,
        /// Encrypt the register (SQLCipher); the passphrase is asked twice, or read from --key-file.
        #[arg(long)]
        encrypt: bool,
    },
    /// Wards (phường): list, add, merge, rename.
    #[command(subcommand)]
    Ward(WardCmd),
    /// Mass organizations (đoàn thể).
    #[command(subcommand)]
    Org(DictCmd),
    /// Categories of person under management.
    #[command(subcommand)]
    Category(DictCmd),
    /// Members of the model (thành viên).
    #[command(subcommand)]
    Member(MemberCmd),
    /// Open a case (đưa vào diện quản lý); prints its number YYYY-NNNN.
    Enroll(EnrollArgs),
    /// Assign or reassign a case to a member (phân công).
    Assign {
        /// Case number, e.g. 2022-0001.
        case: String,
        /// The member who takes charge (id).
        member: String,
        /// First day of the assignment (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a contact and its A–D classification; prints the review id.
    Review {
        /// Case number, e.g. 2022-0001.
        case: String,
        /// Review class: A, B, C or D.
        #[arg(long)]
        class: String,
        /// Date of the event: YYYY-MM-DD or DD/MM/YYYY (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Member who made the contact (default: the one assigned that day).
        #[arg(long)]
        by: Option<String>,
        /// A free-text note.
        #[arg(long)]
        note: Option<String>,
        /// Record it even though the case already has a contact that day.
        #[arg(long)]
        again: bool,
    },
    /// Record help given (giúp đỡ); prints its id.
    Support {
        /// Case number, e.g. 2022-0001.
        case: String,
        /// job, loan, training, gift or other.
        #[arg(long)]
        kind: String,
        /// Amount in đồng.
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        /// Date of the event: YYYY-MM-DD or DD/MM/YYYY (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Member who gave it (default: the one assigned that day).
        #[arg(long)]
        by: Option<String>,
        /// A free-text note.
        #[arg(long)]
        note: Option<String>,
        /// Record it even though the same support is already recorded that day.
        #[arg(long)]
        again: bool,
    },
    /// Void a contact or support recorded by mistake (hủy): it stays, shown voided, and counts nowhere.
    Void {
        /// review or support.
        #[arg(value_enum)]
        what: EntryWhat,
        /// The review or support id (printed when it was recorded; see `mh51 show CASE`).
        id: String,
        /// Why it is voided.
        #[arg(long)]
        reason: String,
    },
    /// Correct a contact or support in place (audited with old and new values).
    #[command(subcommand)]
    Amend(AmendCmd),
    /// Close a case with a reason (đưa ra khỏi diện).
    Release {
        /// Case number, e.g. 2022-0001.
        case: String,
        /// progressed, moved, deceased, reoffended, institution or other.
        #[arg(long)]
        reason: String,
        /// Day of release (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Member credited with a progressed release (default: the one assigned that day).
        #[arg(long)]
        credit: Option<String>,
        /// A free-text note.
        #[arg(long)]
        note: Option<String>,
    },
    /// Undo a release recorded by mistake.
    Reopen {
        /// Case number, e.g. 2022-0001.
        case: String,
    },
    /// The person now lives in another ward: the case goes on there from --date (history kept).
    Move {
        /// Case number, e.g. 2022-0001.
        case: String,
        /// The ward the person now lives in.
        #[arg(long)]
        ward: String,
        /// First day in the new ward (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// The register's own settings: list them, or set `district`, `ward_label`, `issuer_parent`, `issuer` or `unit_code`.
    Settings {
        /// `district`, `ward_label`, `issuer_parent`, `issuer` or `unit_code` (none: list every setting).
        key: Option<String>,
        /// The new value, e.g. "Phường Bình Tiên" or "Khu phố".
        value: Option<String>,
        #[command(flatten)]
        out: Out,
    },
    /// Hand wards their own register: a new file with only their people and whole history.
    Extract {
        /// The wards (codes or names) whose register to write.
        #[arg(long, num_args = 1.., required = true)]
        ward: Vec<String>,
        /// The new register (refuses an existing file).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Correct a case or its person.
    Edit(EditArgs),
    /// The person, the case and its whole timeline.
    Show {
        /// Case number, e.g. 2022-0001.
        case: String,
        #[command(flatten)]
        out: Out,
    },
    /// List cases (default: open ones).
    List(ListArgs),
    /// Reports for the meeting: summary, quota, overdue.
    #[command(subcommand)]
    Report(ReportCmd),
    /// The month's contact sheets: a worksheet per member to fill in (.xlsx), or paper forms (.html, .pdf).
    Sheet {
        /// Period: a month such as 2023-06 or 6/2023, or up to 3 months (default: this month).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// The new file: FILE.xlsx, FILE.pdf or FILE.html (created 0600, never overwritten).
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The Chromium or Chrome that prints a PDF [default: chromium, chromium-browser or google-chrome on PATH].
        #[arg(long)]
        chromium: Option<PathBuf>,
        #[command(flatten)]
        scope: Scope,
    },
    /// Bring in members, cases, or a month's reviews or supports from a CSV file or a workbook (.xlsx, .xls, .ods), all or nothing.
    Import {
        /// What the file holds: `reviews`, a month's sheet brought back (a review per filled row, and a support when its kind is given); `supports`, a sheet of supports (`case_no,given_on,kind,amount,member,note`).
        #[arg(value_enum)]
        what: ImportWhat,
        /// The CSV file or workbook to read.
        file: PathBuf,
        /// Check every row and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The sheet of a workbook to read (default: the first; for reviews and supports, every sheet).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// Export a table as CSV or JSON.
    Export {
        /// The table to export.
        #[arg(value_enum)]
        what: ExportWhat,
        /// Empty identity numbers, addresses, phones and birth dates; names to initials.
        #[arg(long)]
        redact: bool,
        /// Only rows dated in this period (reviews, supports, assignments).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// Reviews or supports: the voided ones, with voided_on and void_reason.
        #[arg(long)]
        voided: bool,
        #[command(flatten)]
        out: Out,
    },
    /// Run one read-only SQL statement.
    Query {
        /// One read-only SQL statement (SELECT, WITH or VALUES).
        sql: String,
        /// Stop the query after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
        /// Refuse a result of more rows (default: 10000 for a table, 1000000 for CSV or JSON).
        #[arg(long, value_name = "N")]
        max_rows: Option<u64>,
        #[command(flatten)]
        out: Out,
    },
    /// A consistent copy of the database (mode 0600).
    Backup {
        /// The new backup file (refuses an existing file).
        dest: PathBuf,
    },
    /// Integrity check: SQLite, foreign keys, the rules of the register, the audit chain.
    Check,
    /// Upgrade a register written by an older mh51 (a backup copy FILE.vN.bak first; audited).
    Migrate,
    /// The audit log; `audit verify` checks its hash chain.
    Audit(AuditArgs),
    /// The register's signing key, which signs its report packages.
    #[command(subcommand)]
    Key(KeyCmd),
    /// Periods sent to the city: list them; reopen one to correct it and send its next revision.
    #[command(subcommand)]
    Period(PeriodCmd),
    /// The city register: wards' signed packages in, the city's figures out.
    #[command(subcommand)]
    City(CityCmd),
    /// Encrypt a plain register in place (the passphrase asked twice, or from --key-file).
    Encrypt,
    /// Change the passphrase of an encrypted register.
    Rekey {
        /// Read the new passphrase from this file (first line; readable by its owner only).
        #[arg(long, value_name = "FILE")]
        new_key_file: Option<PathBuf>,
    },
    /// Write a plain (unencrypted) copy of an encrypted register, mode 0600, for other tools.
    Decrypt {
        /// The new plain file (never overwritten).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Anonymise, beyond recovery, the people whose every case was released before DATE.
    #[command(alias = "anonymize")]
    Anonymise {
        /// Cut-off date: persons whose last release is before it are anonymised.
        #[arg(long, value_name = "DATE", required_unless_present = "finish")]
        released_before: Option<String>,
        /// Count what would be anonymised and write nothing.
        #[arg(long, conflicts_with = "finish")]
        dry_run: bool,
        /// Finish an anonymisation whose change was saved but whose scrub was interrupted.
        #[arg(long, conflicts_with = "released_before")]
        finish: bool,
    },
    /// Build the District 6 example database and print its figures.
    Demo {
        /// Build the synthetic city-scale database instead.
        #[arg(long, value_enum)]
        size: Option<DemoSize>,
    },
    /// Print shell completions.
    Completions {
        /// The shell to write completions for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntryWhat {
    /// A contact (tiếp xúc).
    Review,
    /// A support (giúp đỡ).
    Support,
}

#[derive(Debug, Subcommand)]
pub enum AmendCmd {
    /// Correct a contact: its class, date, member or note.
    Review {
        /// The review id.
        id: String,
        /// Corrected class: A, B, C or D.
        #[arg(long)]
        class: Option<String>,
        /// Corrected date: YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long)]
        date: Option<String>,
        /// Corrected member who made the contact.
        #[arg(long)]
        by: Option<String>,
        /// Corrected note.
        #[arg(long)]
        note: Option<String>,
    },
    /// Correct a support: its kind, amount, date, member or note.
    Support {
        /// The support id.
        id: String,
        /// Corrected kind: job, loan, training, gift or other.
        #[arg(long)]
        kind: Option<String>,
        /// Corrected amount in đồng.
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        /// Corrected date: YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long)]
        date: Option<String>,
        /// Corrected member who gave it.
        #[arg(long)]
        by: Option<String>,
        /// Corrected note.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoSize {
    /// The District 6 example (default).
    District,
    /// 300 wards, 6,000 members, 100,000 cases, 1,000,000 reviews.
    City,
    /// A small synthetic city, for CI.
    Small,
}

#[derive(Debug, Subcommand)]
pub enum DictCmd {
    /// List codes and names.
    List {
        #[command(flatten)]
        out: Out,
    },
    /// Add a code and its name.
    Add {
        /// Short code, e.g. 15 or NCT.
        code: String,
        /// Name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum WardCmd {
    /// List today's wards (--all: every ward, with the day each began and was dissolved).
    List {
        /// Every ward ever, dissolved ones too, with their dates and successors.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        out: Out,
    },
    /// Add a ward.
    Add {
        /// Short code, e.g. 15 or NCT.
        code: String,
        /// Name.
        name: String,
    },
    /// Dissolve wards on a day into another (created with --name if new).
    Merge {
        /// The wards dissolved.
        #[arg(required = true)]
        wards: Vec<String>,
        /// The ward that takes them over.
        #[arg(long)]
        into: String,
        /// Name of the new ward, when --into does not exist yet.
        #[arg(long)]
        name: Option<String>,
        /// The first day of the new structure.
        #[arg(long)]
        on: String,
    },
    /// Change a ward's name.
    Rename {
        /// The ward, by code or name.
        ward: String,
        /// Its new name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// Add a member; prints the id.
    Add {
        /// The member's full name.
        name: String,
        /// Organization, by code or name.
        #[arg(long)]
        org: String,
        /// Ward, by code or name.
        #[arg(long)]
        ward: String,
        /// Phone number.
        #[arg(long)]
        phone: Option<String>,
        /// Day the member joined (default: today).
        #[arg(long)]
        joined: Option<String>,
        /// Allow a second current member with the same name, org and ward.
        #[arg(long)]
        allow_duplicate: bool,
    },
    /// Current members with their open cases and this year's progressed releases.
    List {
        /// Only members of this ward.
        #[arg(long)]
        ward: Option<String>,
        /// Only members of this organization.
        #[arg(long)]
        org: Option<String>,
        /// Include members who have left.
        #[arg(long)]
        all: bool,
        /// Text in the member's name (ignores case and accents).
        #[arg(long)]
        search: Option<String>,
        #[command(flatten)]
        out: Out,
    },
    /// One member, their cases and credits.
    Show {
        /// Member id.
        id: String,
        #[command(flatten)]
        out: Out,
    },
    /// A member now works in another ward from --date (history kept).
    Move {
        /// Member id.
        id: String,
        /// The ward the member now works in.
        #[arg(long)]
        ward: String,
        /// First day in the new ward (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// A member leaves (their last day).
    Leave {
        /// Member id.
        id: String,
        /// Last day of membership: YYYY-MM-DD or DD/MM/YYYY (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Correct a member's details.
    Edit {
        /// Member id.
        id: String,
        /// The member's corrected name.
        #[arg(long)]
        name: Option<String>,
        /// Organization, by code or name.
        #[arg(long)]
        org: Option<String>,
        /// Ward, by code or name.
        #[arg(long)]
        ward: Option<String>,
        /// Phone number.
        #[arg(long)]
        phone: Option<String>,
        /// Corrected day the member joined.
        #[arg(long)]
        joined: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct EnrollArgs {
    /// Full name of the person.
    pub name: String,
    /// Ward, by code or name.
    #[arg(long)]
    pub ward: String,
    /// Category, by code or name.
    #[arg(long)]
    pub category: String,
    /// Year of birth (1990) or date of birth.
    #[arg(long)]
    pub born: Option<String>,
    /// male or female.
    #[arg(long)]
    pub gender: Option<String>,
    /// CCCD (12 digits) or CMND (9 digits).
    #[arg(long)]
    pub id_number: Option<String>,
    /// Address.
    #[arg(long)]
    pub address: Option<String>,
    /// Enrollment date (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Also assign the case to this member.
    #[arg(long)]
    pub member: Option<String>,
    /// The same person as this earlier case.
    #[arg(long)]
    pub person: Option<String>,
    /// A free-text note.
    #[arg(long)]
    pub note: Option<String>,
    /// Enroll even if an open case has the same name and birth year.
    #[arg(long)]
    pub allow_duplicate: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Case number, e.g. 2022-0001.
    pub case: String,
    /// The person's corrected name.
    #[arg(long)]
    pub name: Option<String>,
    /// Corrected birth year or birth date.
    #[arg(long)]
    pub born: Option<String>,
    /// Corrected gender: male or female.
    #[arg(long)]
    pub gender: Option<String>,
    /// Corrected identity number: 9 or 12 digits.
    #[arg(long)]
    pub id_number: Option<String>,
    /// Corrected address.
    #[arg(long)]
    pub address: Option<String>,
    /// Corrected ward, from the case's first day (a correction, not a move).
    #[arg(long)]
    pub ward: Option<String>,
    /// Corrected category.
    #[arg(long)]
    pub category: Option<String>,
    /// Enrollment date.
    #[arg(long)]
    pub date: Option<String>,
    /// Corrected note.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Status {
    #[default]
    Open,
    Released,
    All,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// open, released or all.
    #[arg(long, value_enum, default_value_t = Status::Open)]
    pub status: Status,
    /// Only cases in this ward.
    #[arg(long)]
    pub ward: Option<String>,
    /// Only cases whose member belongs to this organization.
    #[arg(long)]
    pub org: Option<String>,
    /// Only cases of this member.
    #[arg(long)]
    pub member: Option<String>,
    /// Only cases of this category.
    #[arg(long)]
    pub category: Option<String>,
    /// Text in the name, case number or identity number (ignores case and accents).
    #[arg(long)]
    pub search: Option<String>,
    #[command(flatten)]
    pub out: Out,
}

#[derive(Debug, Subcommand)]
pub enum ReportCmd {
    /// Opening, intake, exits by reason, closing, contacts, supports.
    Summary {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = SummaryBy::Ward)]
        by: SummaryBy,
        /// Group the wards as they were on this day (following mergers); with --by ward only.
        #[arg(long)]
        structure: Option<String>,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Out,
    },
    /// Each member's quota of people helped to make progress.
    Quota {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = QuotaBy::Ward)]
        by: QuotaBy,
        /// Group the wards as they were on this day (following mergers); with --by ward only.
        #[arg(long)]
        structure: Option<String>,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Out,
    },
    /// Open cases not contacted for too long, or with nobody assigned.
    Overdue {
        /// Day the report is as of (default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// Days without contact before a case is overdue (default: setting review_interval_days, 30).
        #[arg(long)]
        days: Option<u32>,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Out,
    },
    /// Who has reported: each member's (ward's, organization's) open cases and how many were contacted.
    Contacts {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = ContactsBy::Member)]
        by: ContactsBy,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Out,
    },
    /// The meeting brief: one self-contained HTML page (or a PDF printed by a local Chromium).
    Brief {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// The new file: FILE.html, or FILE.pdf (created 0600, never overwritten).
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// Show overdue people's and members' names (off by default: the brief may be projected).
        #[arg(long)]
        names: bool,
        /// The Chromium or Chrome that prints a PDF [default: chromium, chromium-browser or google-chrome on PATH].
        #[arg(long)]
        chromium: Option<PathBuf>,
        #[command(flatten)]
        scope: Scope,
    },
    /// The official report in the layout of Decree 30/2020/NĐ-CP: a Word file (.docx), in Vietnamese.
    Document {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// The new file: FILE.docx (created 0600, never overwritten).
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The document's number and code, e.g. "12/BC-MTTQ" [default: left blank to fill in].
        #[arg(long)]
        number: Option<String>,
        /// Place name before the date [default: the district setting without "Phường"/"Xã"].
        #[arg(long)]
        place: Option<String>,
        /// Date of the document (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Name of the person who signs.
        #[arg(long)]
        signer: Option<String>,
        /// Title of the person who signs, e.g. "CHỦ TỊCH"; a line break starts a new line.
        #[arg(long)]
        signer_title: Option<String>,
        /// A recipient under "Nơi nhận:" (repeat for more); "- Lưu: VT." is always last.
        #[arg(long)]
        recipient: Vec<String>,
    },
    /// The ward's package for the city: the period's figures as JSON, signed with the register's key.
    Package {
        /// Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today).
        #[arg(short = 'p', long)]
        period: Option<String>,
        /// The new file: FILE.json (created 0600, never overwritten).
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The city's linking key (a file: 64 or more hex digits on its first line); without it, no linking tokens.
        #[arg(long, value_name = "FILE")]
        link_key: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryBy {
    Ward,
    Org,
    Category,
    Month,
    Quarter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContactsBy {
    Member,
    Ward,
    Org,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotaBy {
    Ward,
    Org,
    Member,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportWhat {
    Members,
    Cases,
    // The values' own help is kept short: clap wraps it at the terminal's width, and only a
    // text on one line can be put in Vietnamese (`cli_vi::clap_words`); the details are in the
    // argument's help above.
    /// A month's sheet brought back.
    Reviews,
    /// A sheet of supports.
    Supports,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    Cases,
    Members,
    Assignments,
    Reviews,
    Supports,
    Audit,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub verify: Option<AuditCmd>,
    /// Only rows about this case.
    #[arg(long)]
    pub case: Option<String>,
    /// Only rows on or after this date.
    #[arg(long)]
    pub since: Option<String>,
    #[command(flatten)]
    pub out: Out,
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check the hash chain; exit 1 at the first broken row.
    Verify {
        /// Also prove that the log still holds this head (`SEQ:HASH`, from `mh51 audit head`).
        #[arg(long, value_name = "SEQ:HASH")]
        head: Option<String>,
    },
    /// Print the head of the log, `SEQ:HASH`: write it down to prove later that nothing was rewritten.
    Head,
}

/// `mh51 city …`: the city register (SPEC §19), a file of its own kind.
#[derive(Debug, Subcommand)]
pub enum CityCmd {
    /// Create a city register (a new file, mode 0600).
    Init {
        /// The city's name, e.g. "TP. Hồ Chí Minh".
        #[arg(long)]
        name: String,
        /// Encrypt the city register (SQLCipher), as `init --encrypt` does a ward's.
        #[arg(long)]
        encrypt: bool,
    },
    /// The wards (units) whose packages the city receives.
    #[command(subcommand)]
    Unit(CityUnitCmd),
    /// Add packages (all the files, or none if one is refused).
    Add {
        /// Package files written by `mh51 report package`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Every unit: received or missing for the period, revision, when, audit head.
    Status {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        #[command(flatten)]
        out: Out,
    },
    /// The wards' figures added up.
    #[command(subcommand)]
    Report(CityReportCmd),
    /// People counted by two or more units, found by their linking tokens (no names).
    Duplicates {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        #[command(flatten)]
        out: Out,
    },
    /// The city's brief for a meeting, as one HTML page with charts by unit.
    Brief {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        /// The page to write (FILE.html; created 0600, never overwritten).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Verify the city's audit chain, every row against it, every package against its unit's key.
    Check,
}

#[derive(Debug, Subcommand)]
pub enum CityUnitCmd {
    /// Register a ward by its unit code, name and public key.
    Add {
        /// The ward's unit code (its `settings unit_code`).
        code: String,
        /// The ward's name.
        name: String,
        /// The ward's public key: the 64 hex digits `mh51 key show` prints, or @FILE to read them from a file.
        #[arg(long)]
        key: String,
    },
    /// The registered units with their keys' fingerprints.
    List {
        #[command(flatten)]
        out: Out,
    },
}

#[derive(Debug, Subcommand)]
pub enum CityReportCmd {
    /// The summary added up: by unit, or by organization or category across units.
    Summary {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = CityBy::Unit)]
        by: CityBy,
        #[command(flatten)]
        out: Out,
    },
    /// The quota (1 January to the period's end) added up: by unit or by organization.
    Quota {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = CityByOrg::Unit)]
        by: CityByOrg,
        #[command(flatten)]
        out: Out,
    },
    /// The contacts added up: by unit or by organization.
    Contacts {
        /// Period the packages were made for, as the wards gave it (2022-Q1, 2022, …).
        #[arg(short = 'p', long)]
        period: String,
        /// What the rows are.
        #[arg(long, value_enum, default_value_t = CityByOrg::Unit)]
        by: CityByOrg,
        #[command(flatten)]
        out: Out,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CityBy {
    Unit,
    Org,
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CityByOrg {
    Unit,
    Org,
}

#[derive(Debug, Subcommand)]
pub enum PeriodCmd {
    /// Every revision of every period sent (`report package`), and whether it is still locked.
    List {
        #[command(flatten)]
        out: Out,
    },
    /// Unlock a sent period so writes dated in it are accepted again; its next package is the next revision.
    Reopen {
        /// The period, as -p takes it (2022-Q1, 2022-05, 2022, quý I/2022, …).
        period: String,
        /// Why it is reopened (recorded in the audit log and in `period list`).
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeyCmd {
    /// Print the public key (64 hex digits) on stdout and its fingerprint on stderr, for the city.
    Show,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
