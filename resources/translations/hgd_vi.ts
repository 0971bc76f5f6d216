<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgePyramid</name>
    <message>
        <source>Men</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Tuổi</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>CommuneHeader</name>
    <message>
        <source>Commune code: %1</source>
        <translation>Mã xã: %1</translation>
    </message>
    <message>
        <source>Chairman of the People&apos;s Committee: %1</source>
        <translation>Chủ tịch UBND xã: %1</translation>
    </message>
    <message>
        <source>Clerk in charge: %1</source>
        <translation>Cán bộ phụ trách: %1</translation>
    </message>
</context>
<context>
    <name>EventType</name>
    <message>
        <source>Births</source>
        <translation>Sinh</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Chết</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>Chuyển đến</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Chuyển đi</translation>
    </message>
    <message>
        <source>Household splits</source>
        <translation>Tách hộ</translation>
    </message>
    <message>
        <source>Household merges</source>
        <translation>Nhập hộ</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <source>Participant group changes</source>
        <translation>Đổi đối tượng tham gia</translation>
    </message>
    <message>
        <source>Changes of household head</source>
        <translation>Đổi chủ hộ</translation>
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
        <source>Open a register</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>hgd registers (*.db);;All files (*)</source>
        <translation>Sổ hgd (*.db);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>&amp;Mở sổ…</translation>
    </message>
    <message>
        <source>&amp;New register…</source>
        <translation>Tạo sổ &amp;mới…</translation>
    </message>
    <message>
        <source>Open the &amp;demo commune</source>
        <translation>Mở xã mẫu (&amp;demo)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About hgd</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>The register was upgraded; a copy was kept first: %1</source>
        <translation>Sổ đã được nâng cấp; bản sao trước khi nâng cấp được lưu tại: %1</translation>
    </message>
    <message>
        <source>Cannot read the register</source>
        <translation>Không đọc được sổ</translation>
    </message>
    <message>
        <source>Register: %1</source>
        <translation>Sổ: %1</translation>
    </message>
    <message>
        <source>Open a register</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>hgd registers (*.db);;All files (*)</source>
        <translation>Sổ hgd (*.db);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>hgd will use %1 the next time it starts.</source>
        <translation>hgd sẽ dùng %1 từ lần mở tiếp theo.</translation>
    </message>
    <message>
        <source>About hgd</source>
        <translation>Giới thiệu hgd</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;hgd&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The register of households and their members for health insurance (BHYT), kept by the commune, offline.&lt;/p&gt;&lt;p&gt;Fonts: Noto Sans and Liberation Serif, under the SIL Open Font License 1.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;hgd&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Sổ hộ gia đình và thành viên tham gia bảo hiểm y tế (BHYT) do xã quản lý, hoạt động không cần Internet.&lt;/p&gt;&lt;p&gt;Phông chữ: Noto Sans và Liberation Serif, theo giấy phép SIL Open Font License 1.1.&lt;/p&gt;</translation>
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
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Commune name (required):</source>
        <translation>Tên xã (bắt buộc):</translation>
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
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Đọc lại</translation>
    </message>
    <message>
        <source>Read the register again (after changes made elsewhere)</source>
        <translation>Đọc lại sổ (sau khi có thay đổi từ nơi khác)</translation>
    </message>
    <message>
        <source>The register holds nobody yet. Start by importing the commune&apos;s list from a spreadsheet, or by adding the first household.</source>
        <translation>Sổ chưa có ai. Hãy bắt đầu bằng cách nhập danh sách của xã từ bảng tính, hoặc thêm hộ đầu tiên.</translation>
    </message>
    <message>
        <source>Add the first household…</source>
        <translation>Thêm hộ đầu tiên…</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Nhập danh sách…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>People</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <source>In the register now</source>
        <translation>Hiện có trong sổ</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Ethnic minorities</source>
        <translation>Dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Children under 6</source>
        <translation>Trẻ em dưới 6 tuổi</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Households now</source>
        <translation>Số hộ hiện có</translation>
    </message>
    <message>
        <source>Mean size (persons per household)</source>
        <translation>Bình quân nhân khẩu/hộ</translation>
    </message>
    <message>
        <source>One-person households</source>
        <translation>Hộ chỉ có 1 người</translation>
    </message>
    <message>
        <source>Households of 6 or more</source>
        <translation>Hộ từ 6 người trở lên</translation>
    </message>
    <message>
        <source>Households without a head</source>
        <translation>Hộ chưa có chủ hộ</translation>
    </message>
    <message>
        <source>Health insurance cards</source>
        <translation>Thẻ BHYT</translation>
    </message>
    <message>
        <source>Valid cards</source>
        <translation>Thẻ còn hạn</translation>
    </message>
    <message>
        <source>Expiring in the next 30 days</source>
        <translation>Hết hạn trong 30 ngày tới</translation>
    </message>
    <message>
        <source>Expired cards</source>
        <translation>Thẻ đã hết hạn</translation>
    </message>
    <message>
        <source>No card at all</source>
        <translation>Chưa có thẻ nào</translation>
    </message>
    <message>
        <source>Without a social insurance (BHXH) code</source>
        <translation>Chưa có mã số BHXH</translation>
    </message>
    <message>
        <source>Recorded changes</source>
        <translation>Biến động đã ghi</translation>
    </message>
    <message>
        <source>Age pyramid (people in the register now)</source>
        <translation>Tháp dân số (nhân khẩu hiện có)</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Chưa ghi biến động nào.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) without a recorded sex or year of birth are not drawn.</source>
        <translation>
            <numerusform>%n người chưa ghi giới tính hoặc năm sinh nên không có trong tháp.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Đã xảy ra lỗi: {detail}</translation>
    </message>
    <message>
        <source>hgd — error</source>
        <translation>hgd — lỗi</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No display (DISPLAY is empty): run on a machine with a desktop, or use xvfb-run make run, or QT_QPA_PLATFORM=offscreen to run without showing anything.</source>
        <translation>Không có màn hình (biến DISPLAY trống): chạy trên máy có giao diện, hoặc dùng xvfb-run make run, hoặc QT_QPA_PLATFORM=offscreen để chạy không hiển thị.</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>Cannot open the register</source>
        <translation>Không mở được sổ</translation>
    </message>
    <message>
        <source>Cannot create the register</source>
        <translation>Không tạo được sổ</translation>
    </message>
    <message>
        <source>Cannot create the demo commune</source>
        <translation>Không tạo được xã mẫu</translation>
    </message>
    <message>
        <source>Creating the demo commune (a few seconds)…</source>
        <translation>Đang tạo xã mẫu (mất vài giây)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>People and households…</source>
        <translation>Người và hộ gia đình…</translation>
    </message>
    <message>
        <source>Health insurance cards…</source>
        <translation>Thẻ BHYT…</translation>
    </message>
    <message>
        <source>Births, deaths, moves…</source>
        <translation>Sinh, chết, chuyển đi, chuyển đến…</translation>
    </message>
    <message>
        <source>Cases for the review…</source>
        <translation>Các trường hợp cần rà soát…</translation>
    </message>
    <message>
        <source>Writing the register…</source>
        <translation>Đang ghi vào sổ…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
