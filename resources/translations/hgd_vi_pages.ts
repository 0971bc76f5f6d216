<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CardsPanel</name>
    <message>
        <source>Proposal</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>The social insurance office sends the list of the people holding a card. hgd matches each of them to the register (BHXH code, then CCCD, then name, date of birth, sex and birth place) and proposes what to do. Check the proposals to accept: each becomes a recorded change, so a row of the month&apos;s lists. Possible pairs are only shown, for you to look at.</source>
        <translation>Cơ quan BHXH gửi danh sách người đang có thẻ BHYT. hgd đối chiếu từng người với sổ (mã số BHXH, rồi CCCD, rồi họ tên, ngày sinh, giới tính và nơi đăng ký khai sinh) và đề nghị cách xử lý. Đánh dấu các đề nghị muốn chấp nhận: mỗi đề nghị thành một biến động được ghi, tức là một dòng trong danh sách của tháng. Các cặp &quot;có thể trùng&quot; chỉ để anh/chị xem.</translation>
    </message>
    <message>
        <source>Choose the office&apos;s list…</source>
        <translation>Chọn danh sách của BHXH…</translation>
    </message>
    <message>
        <source>Accept the checked proposals</source>
        <translation>Chấp nhận các đề nghị đã đánh dấu</translation>
    </message>
    <message>
        <source>Save the result as XLSX…</source>
        <translation>Lưu kết quả ra XLSX…</translation>
    </message>
    <message>
        <source>The office&apos;s card-holder list</source>
        <translation>Danh sách người có thẻ BHYT của cơ quan BHXH</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>%1 rows of the file could not be read.</source>
        <translation>%1 dòng của tệp không đọc được.</translation>
    </message>
    <message>
        <source>Check at least one proposal to accept.</source>
        <translation>Hãy đánh dấu ít nhất một đề nghị để chấp nhận.</translation>
    </message>
    <message>
        <source>%1 proposals accepted; Undo takes them back.</source>
        <translation>Đã chấp nhận %1 đề nghị; bấm Hoàn tác để bỏ lại.</translation>
    </message>
    <message>
        <source>Save the reconciliation</source>
        <translation>Lưu kết quả đối chiếu</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Không lưu được %1: %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>CurrentPeriodLine</name>
    <message>
        <source>Reporting period %1 (%2): the lists are due on %3.</source>
        <translation>Kỳ báo cáo %1 (%2): hạn nộp danh sách ngày %3.</translation>
    </message>
    <message>
        <source>The deadline has passed.</source>
        <translation>Đã quá hạn nộp.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to hgd</source>
        <translation>Chào mừng đến với hgd</translation>
    </message>
    <message>
        <source>hgd keeps the commune&apos;s register of households and their members for health insurance (BHYT): you record births, deaths, moves and household changes, and it prepares the monthly lists for the social insurance office. Everything stays on this computer; no internet connection is needed.</source>
        <translation>hgd giúp xã quản lý sổ hộ gia đình và thành viên tham gia bảo hiểm y tế (BHYT): bạn ghi lại các trường hợp sinh, chết, chuyển đi, chuyển đến và thay đổi hộ, hgd lập danh sách hằng tháng gửi cơ quan bảo hiểm xã hội. Mọi dữ liệu nằm trên máy tính này; không cần kết nối Internet.</translation>
    </message>
    <message>
        <source>There is no register at %1 yet.</source>
        <translation>Chưa có sổ nào tại %1.</translation>
    </message>
    <message>
        <source>How would you like to begin?</source>
        <translation>Bạn muốn bắt đầu thế nào?</translation>
    </message>
    <message>
        <source>Create a new register</source>
        <translation>Tạo sổ mới</translation>
    </message>
    <message>
        <source>For your commune: enter its name, and hgd makes an empty register file.</source>
        <translation>Cho xã của bạn: nhập tên xã, hgd sẽ tạo một tệp sổ trống.</translation>
    </message>
    <message>
        <source>Open an existing register</source>
        <translation>Mở sổ có sẵn</translation>
    </message>
    <message>
        <source>A register file (.db) made with hgd, on this computer or on a USB stick.</source>
        <translation>Tệp sổ (.db) đã tạo bằng hgd, trên máy này hoặc trên USB.</translation>
    </message>
    <message>
        <source>Open the demo commune</source>
        <translation>Mở xã mẫu (demo)</translation>
    </message>
    <message>
        <source>A made-up commune of %1 people, to try hgd without touching real data.</source>
        <translation>Một xã giả định có %1 người, để dùng thử hgd mà không đụng đến dữ liệu thật.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>Tạo sổ mới</translation>
    </message>
    <message>
        <source>Only the commune&apos;s name is needed now; the other details and the households can be added later.</source>
        <translation>Bây giờ chỉ cần tên xã; các thông tin khác và các hộ gia đình có thể bổ sung sau.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Create the register</source>
        <translation>Tạo sổ</translation>
    </message>
    <message>
        <source>The register is ready</source>
        <translation>Sổ đã sẵn sàng</translation>
    </message>
    <message>
        <source>It holds no household yet. How would you like to fill it?</source>
        <translation>Sổ chưa có hộ nào. Anh/chị muốn nhập dữ liệu thế nào?</translation>
    </message>
    <message>
        <source>Import a list of households</source>
        <translation>Nhập danh sách hộ từ tệp</translation>
    </message>
    <message>
        <source>From a spreadsheet (XLSX, XLS or CSV) the commune already keeps: you see what would be imported, and the rows to fix, before anything is written.</source>
        <translation>Từ bảng tính (XLSX, XLS hoặc CSV) xã đang có: anh/chị xem trước những gì sẽ được nhập và các dòng cần sửa, trước khi ghi vào sổ.</translation>
    </message>
    <message>
        <source>Add the first household</source>
        <translation>Thêm hộ đầu tiên</translation>
    </message>
    <message>
        <source>Enter a household and its members by hand.</source>
        <translation>Nhập tay một hộ và các thành viên.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Go to the overview; both are in the side bar.</source>
        <translation>Về màn hình tổng quan; cả hai việc đều có ở thanh bên.</translation>
    </message>
    <message>
        <source>The register of %1 (%2) is kept in %3.</source>
        <translation>Sổ của %1 (%2) được lưu tại %3.</translation>
    </message>
    <message>
        <source>Open a register</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>hgd registers (*.db);;All files (*)</source>
        <translation>Sổ hgd (*.db);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Already in the register</source>
        <translation>Đã có trong sổ</translation>
    </message>
    <message>
        <source>Completes a person</source>
        <translation>Bổ sung người đã có</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <source>Import households from a spreadsheet</source>
        <translation>Nhập hộ gia đình từ bảng tính</translation>
    </message>
    <message>
        <source>Choose the file (XLSX, XLS or CSV). hgd finds the header row and the columns, then shows what the import would do — nothing is written until you press Import. If a column is read wrongly, change its field on the left and read the file again.</source>
        <translation>Chọn tệp (XLSX, XLS hoặc CSV). hgd tìm dòng tiêu đề và các cột, rồi cho xem việc nhập sẽ làm gì — chưa ghi gì vào sổ cho đến khi bấm Nhập tệp. Nếu một cột bị hiểu sai, đổi trường của cột đó ở bên trái rồi đọc lại tệp.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Columns found</source>
        <translation>Các cột tìm thấy</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>another column&apos;s header, as written</source>
        <translation>tiêu đề một cột khác, ghi đúng như trong tệp</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Read the file again with these columns</source>
        <translation>Đọc lại tệp theo các cột này</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>Việc nhập sẽ làm gì</translation>
    </message>
    <message>
        <source>What the import did</source>
        <translation>Việc nhập đã làm</translation>
    </message>
    <message>
        <source>Import the valid rows and leave out the refused ones</source>
        <translation>Nhập các dòng hợp lệ, bỏ qua các dòng bị từ chối</translation>
    </message>
    <message>
        <source>Save the report as XLSX…</source>
        <translation>Lưu báo cáo ra XLSX…</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Tệp cần nhập</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>Sheet %1, header on row %2, %3 rows read, text in %4.</source>
        <translation>Trang %1, tiêu đề ở dòng %2, đọc %3 dòng, bảng mã %4.</translation>
    </message>
    <message>
        <source>Nothing would be imported: %1 rows are refused (below). Fix them in the file and read it again, or tick &quot;Import the valid rows and leave out the refused ones&quot; to import the %2 valid persons.</source>
        <translation>Chưa nhập được gì: %1 dòng bị từ chối (xem bên dưới). Sửa các dòng đó trong tệp rồi đọc lại, hoặc đánh dấu &quot;Nhập các dòng hợp lệ, bỏ qua các dòng bị từ chối&quot; để nhập %2 người hợp lệ.</translation>
    </message>
    <message>
        <source>Undo takes the import back.</source>
        <translation>Bấm Hoàn tác để bỏ lần nhập này.</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Lưu báo cáo nhập tệp</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Không lưu được %1: %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>NewRegisterDialog</name>
    <message>
        <source>New register</source>
        <translation>Tạo sổ mới</translation>
    </message>
    <message>
        <source>Create the register</source>
        <translation>Tạo sổ</translation>
    </message>
    <message>
        <source>A new, empty register for one commune. You can add households later.</source>
        <translation>Một sổ mới, còn trống, cho một xã. Các hộ gia đình có thể thêm sau.</translation>
    </message>
</context>
<context>
    <name>NewRegisterForm</name>
    <message>
        <source>for example: Xã Tân Lập</source>
        <translation>ví dụ: Xã Tân Lập</translation>
    </message>
    <message>
        <source>5 digits, if you know it</source>
        <translation>5 chữ số, nếu biết</translation>
    </message>
    <message>
        <source>only when several communes share the name</source>
        <translation>chỉ cần khi có nhiều xã trùng tên</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Commune name (required):</source>
        <translation>Tên xã (bắt buộc):</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh:</translation>
    </message>
    <message>
        <source>Commune code:</source>
        <translation>Mã xã:</translation>
    </message>
    <message>
        <source>Register file:</source>
        <translation>Tệp sổ:</translation>
    </message>
    <message>
        <source>Where to keep the register</source>
        <translation>Lưu sổ ở đâu</translation>
    </message>
    <message>
        <source>hgd registers (*.db)</source>
        <translation>Sổ hgd (*.db)</translation>
    </message>
    <message>
        <source>Enter the commune&apos;s name.</source>
        <translation>Hãy nhập tên xã.</translation>
    </message>
    <message>
        <source>Choose where to keep the register file.</source>
        <translation>Hãy chọn nơi lưu tệp sổ.</translation>
    </message>
    <message>
        <source>That file already exists: choose another name, or open it from the File menu.</source>
        <translation>Tệp này đã có: hãy chọn tên khác, hoặc mở tệp từ menu Tệp.</translation>
    </message>
</context>
<context>
    <name>PeriodsPage</name>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn nộp</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Biến động</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Double-click a list to open its PDF (once the files are written).</source>
        <translation>Bấm đúp vào một danh sách để mở tệp PDF (sau khi đã ghi các tệp).</translation>
    </message>
    <message>
        <source>Periods and lists</source>
        <translation>Kỳ báo cáo và danh sách</translation>
    </message>
    <message>
        <source>Card-holder list</source>
        <translation>Đối chiếu danh sách có thẻ</translation>
    </message>
    <message>
        <source>Commune staff (D02-LT)</source>
        <translation>Cán bộ của xã (D02-LT)</translation>
    </message>
    <message>
        <source>Each month is a reporting period: open it, record the month&apos;s changes, and lock it once the month is over. Locking freezes the month&apos;s lists; they are due at the social insurance office by the 5th of the next month.</source>
        <translation>Mỗi tháng là một kỳ báo cáo: mở kỳ, ghi các biến động trong tháng, và khóa kỳ khi hết tháng. Khóa kỳ thì các danh sách của tháng được chốt lại; hạn nộp cho cơ quan BHXH là ngày 5 tháng sau.</translation>
    </message>
    <message>
        <source>Open the period</source>
        <translation>Mở kỳ</translation>
    </message>
    <message>
        <source>Lock the period…</source>
        <translation>Khóa kỳ…</translation>
    </message>
    <message>
        <source>Write the files to a folder…</source>
        <translation>Ghi các tệp vào thư mục…</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>To settle before locking:</source>
        <translation>Cần xử lý trước khi khóa:</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>Kỳ %1</translation>
    </message>
    <message>
        <source>Status: %1 · due %2 · %3 events</source>
        <translation>Trạng thái: %1 · hạn nộp %2 · %3 biến động</translation>
    </message>
    <message>
        <source>Write the files to a folder first; then a double-click opens a list.</source>
        <translation>Hãy ghi các tệp vào thư mục trước; sau đó bấm đúp để mở một danh sách.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>đã quá hạn</translation>
    </message>
    <message>
        <source>Not locked: the lists below are a draft, as the month&apos;s changes stand now.</source>
        <translation>Chưa khóa: các danh sách dưới đây là bản nháp, theo các biến động hiện có.</translation>
    </message>
    <message>
        <source>Locked despite open problems, because: %1</source>
        <translation>Đã khóa dù còn điều cần xử lý, với lý do: %1</translation>
    </message>
    <message>
        <source>Lock despite open problems</source>
        <translation>Khóa dù còn điều cần xử lý</translation>
    </message>
    <message>
        <source>To lock anyway, write why the lists can go as they are (the reason is kept with the period):</source>
        <translation>Nếu vẫn khóa, hãy ghi lý do danh sách có thể gửi như hiện tại (lý do được lưu cùng kỳ):</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Đã xong: %1</translation>
    </message>
    <message>
        <source>Folder for the lists of %1</source>
        <translation>Thư mục lưu danh sách kỳ %1</translation>
    </message>
    <message>
        <source>%1 files written to %2</source>
        <translation>Đã ghi %1 tệp vào %2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Base salary</source>
        <translation>Lương cơ sở</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>entered in this register</source>
        <translation>nhập trong sổ này</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Commune name:</source>
        <translation>Tên xã:</translation>
    </message>
    <message>
        <source>Commune code:</source>
        <translation>Mã xã:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh:</translation>
    </message>
    <message>
        <source>District (before 2025):</source>
        <translation>Huyện (trước 2025):</translation>
    </message>
    <message>
        <source>Chairman of the People&apos;s Committee:</source>
        <translation>Chủ tịch UBND xã:</translation>
    </message>
    <message>
        <source>Clerk in charge:</source>
        <translation>Cán bộ phụ trách:</translation>
    </message>
    <message>
        <source>Post office:</source>
        <translation>Bưu điện:</translation>
    </message>
    <message>
        <source>Social insurance office:</source>
        <translation>Cơ quan BHXH:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>The commune</source>
        <translation>Thông tin xã</translation>
    </message>
    <message>
        <source>Look up in the administrative units</source>
        <translation>Tra trong danh mục đơn vị hành chính</translation>
    </message>
    <message>
        <source>Save the commune&apos;s details</source>
        <translation>Lưu thông tin xã</translation>
    </message>
    <message>
        <source>Base salary (dated)</source>
        <translation>Lương cơ sở (theo thời điểm)</translation>
    </message>
    <message>
        <source>The lists use the base salary in force on their date. When a decree sets a new one, add it with the day it applies from; the earlier values stay for earlier months.</source>
        <translation>Danh sách dùng mức lương cơ sở có hiệu lực vào ngày lập. Khi có nghị định mới, thêm mức mới cùng ngày bắt đầu áp dụng; các mức cũ vẫn dùng cho các tháng trước.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>Amount (đồng):</source>
        <translation>Mức (đồng):</translation>
    </message>
    <message>
        <source>Decree:</source>
        <translation>Căn cứ:</translation>
    </message>
    <message>
        <source>for example: Nghị định 73/2024/NĐ-CP</source>
        <translation>ví dụ: Nghị định 73/2024/NĐ-CP</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Language of the windows:</source>
        <translation>Ngôn ngữ giao diện:</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Đã tìm thấy: %1</translation>
    </message>
    <message>
        <source>Enter the commune&apos;s name.</source>
        <translation>Hãy nhập tên xã.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Enter the amount in đồng, for example 2.340.000.</source>
        <translation>Hãy nhập số tiền bằng đồng, ví dụ 2.340.000.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>manager</source>
        <translation>nhà quản lý</translation>
    </message>
    <message>
        <source>high-level professional</source>
        <translation>chuyên môn kỹ thuật bậc cao</translation>
    </message>
    <message>
        <source>mid-level professional</source>
        <translation>chuyên môn kỹ thuật bậc trung</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>indefinite contract</source>
        <translation>HĐLĐ không xác định thời hạn</translation>
    </message>
    <message>
        <source>fixed-term contract</source>
        <translation>HĐLĐ xác định thời hạn</translation>
    </message>
    <message>
        <source>other contract</source>
        <translation>hợp đồng khác</translation>
    </message>
    <message>
        <source>appointment decision</source>
        <translation>quyết định tuyển dụng, bổ nhiệm</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ, chức danh</translation>
    </message>
    <message>
        <source>Job class</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>Hệ số/mức lương</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Loại hợp đồng</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Thời điểm đóng</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>The commune&apos;s own staff, as the D02-LT form reports them. A start, a change of terms or an end is recorded on its day and appears on that month&apos;s D02-LT.</source>
        <translation>Cán bộ, công chức của xã, như mẫu D02-LT báo cáo. Mỗi lần bắt đầu, thay đổi hay thôi việc được ghi theo ngày và có mặt trong D02-LT của tháng đó.</translation>
    </message>
    <message>
        <source>Start, change or end</source>
        <translation>Bắt đầu, thay đổi hoặc thôi việc</translation>
    </message>
    <message>
        <source>Find a person:</source>
        <translation>Tìm người:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Người:</translation>
    </message>
    <message>
        <source>From (date):</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức vụ, chức danh:</translation>
    </message>
    <message>
        <source>Job class:</source>
        <translation>Vị trí việc làm:</translation>
    </message>
    <message>
        <source>Salary coefficient:</source>
        <translation>Hệ số lương:</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Loại hợp đồng:</translation>
    </message>
    <message>
        <source>name or BHXH code</source>
        <translation>họ tên hoặc mã số BHXH</translation>
    </message>
    <message>
        <source>for example: Công chức Văn hóa – Xã hội</source>
        <translation>ví dụ: Công chức Văn hóa – Xã hội</translation>
    </message>
    <message>
        <source>Starts working</source>
        <translation>Bắt đầu làm việc</translation>
    </message>
    <message>
        <source>Change the terms</source>
        <translation>Thay đổi lương, chức vụ</translation>
    </message>
    <message>
        <source>Stops working</source>
        <translation>Thôi việc</translation>
    </message>
    <message>
        <source>Find the person first (name or BHXH code).</source>
        <translation>Hãy tìm người trước (họ tên hoặc mã số BHXH).</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Đã xong: %1</translation>
    </message>
</context>
<context>
    <name>commune_lookup</name>
    <message>
        <source>%1 communes are named %2: choose yours in the list.</source>
        <translation>Có %1 xã tên %2: hãy chọn đúng xã trong danh sách.</translation>
    </message>
    <message>
        <source>There is no commune named %1 in the administrative units. Check the spelling, or enter the commune&apos;s code.</source>
        <translation>Không tìm thấy xã %1 trong danh mục đơn vị hành chính. Hãy kiểm tra chính tả, hoặc nhập mã xã.</translation>
    </message>
    <message>
        <source>Choose the commune…</source>
        <translation>Chọn xã…</translation>
    </message>
</context>
</TS>
