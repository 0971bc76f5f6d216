<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddHouseholdDialog</name>
    <message>
        <source>Add a household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <source>Household code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Hamlet / address</source>
        <translation>Thôn/xóm, địa chỉ</translation>
    </message>
    <message>
        <source>Head&apos;s full name</source>
        <translation>Họ và tên chủ hộ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>BHXH code</source>
        <translation>Mã số BHXH</translation>
    </message>
</context>
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
    <name>BirthDialog</name>
    <message>
        <source>Record a birth in household %1</source>
        <translation>Ghi nhận sinh trong hộ %1</translation>
    </message>
    <message>
        <source>Child&apos;s full name</source>
        <translation>Họ và tên của trẻ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Birth-registration place</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <source>(not in this household)</source>
        <translation>(không ở trong hộ này)</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Cha</translation>
    </message>
</context>
<context>
    <name>ChangeHeadDialog</name>
    <message>
        <source>Change the head of household %1</source>
        <translation>Đổi chủ hộ của hộ %1</translation>
    </message>
    <message>
        <source>New head</source>
        <translation>Chủ hộ mới</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
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
    <message>
        <source>Office code: %1</source>
        <translation>Mã cơ quan: %1</translation>
    </message>
    <message>
        <source>Social insurance office: receives the communes&apos; packages, checks and merges them.</source>
        <translation>Cơ quan BHXH: nhận gói dữ liệu của các xã, kiểm tra và hợp nhất.</translation>
    </message>
</context>
<context>
    <name>DeathDialog</name>
    <message>
        <source>Record the death of %1</source>
        <translation>Ghi nhận %1 đã chết</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Ngày chết</translation>
    </message>
    <message>
        <source>New head of household</source>
        <translation>Chủ hộ mới</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
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
    <message>
        <source>Staff starting (D02-LT)</source>
        <translation>Cán bộ bắt đầu (D02-LT)</translation>
    </message>
    <message>
        <source>Staff changes (D02-LT)</source>
        <translation>Thay đổi cán bộ (D02-LT)</translation>
    </message>
    <message>
        <source>Staff leaving (D02-LT)</source>
        <translation>Cán bộ nghỉ (D02-LT)</translation>
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
    <name>GroupChangeDialog</name>
    <message>
        <source>Change the participant group of %1</source>
        <translation>Đổi đối tượng tham gia của %1</translation>
    </message>
    <message>
        <source>New participant group</source>
        <translation>Đối tượng tham gia mới</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>New card number (composed from the BHXH code if empty)</source>
        <translation>Số thẻ mới (để trống: ghép từ mã số BHXH)</translation>
    </message>
    <message>
        <source>Card valid to</source>
        <translation>Hạn thẻ đến</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: %1</source>
        <translation>Lịch sử: %1</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Các thay đổi</translation>
    </message>
    <message>
        <source>The household on</source>
        <translation>Hộ vào ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>Vào một ngày</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Chưa ghi nhận gì.</translation>
    </message>
    <message>
        <source>The household did not exist yet on that date.</source>
        <translation>Vào ngày đó hộ chưa có trong sổ.</translation>
    </message>
    <message>
        <source>Household %1 — %2</source>
        <translation>Hộ %1 — %2</translation>
    </message>
    <message>
        <source>   (nobody lived there on that date)</source>
        <translation>   (vào ngày đó không có ai ở)</translation>
    </message>
</context>
<context>
    <name>HouseholdsModel</name>
    <message>
        <source>Household code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Hamlet / address</source>
        <translation>Thôn/xóm, địa chỉ</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>(chưa có chủ hộ)</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Search: name, household code, CCCD, BHXH code or card number</source>
        <translation>Tìm: họ tên, mã hộ, số CCCD, mã số BHXH hoặc số thẻ</translation>
    </message>
    <message>
        <source>Active households</source>
        <translation>Hộ đang ở</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>Add household…</source>
        <translation>Thêm hộ…</translation>
    </message>
    <message>
        <source>Move in (new household)…</source>
        <translation>Chuyển đến (hộ mới)…</translation>
    </message>
    <message>
        <source>Correct member…</source>
        <translation>Sửa thông tin…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Thêm thành viên…</translation>
    </message>
    <message>
        <source>Birth…</source>
        <translation>Sinh…</translation>
    </message>
    <message>
        <source>Move in…</source>
        <translation>Chuyển đến…</translation>
    </message>
    <message>
        <source>Death…</source>
        <translation>Chết…</translation>
    </message>
    <message>
        <source>Move out…</source>
        <translation>Chuyển đi…</translation>
    </message>
    <message>
        <source>Make head…</source>
        <translation>Đổi chủ hộ…</translation>
    </message>
    <message>
        <source>Change group…</source>
        <translation>Đổi đối tượng…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Tách hộ…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Gộp vào hộ…</translation>
    </message>
    <message>
        <source>Household history</source>
        <translation>Lịch sử hộ</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>Lịch sử thành viên</translation>
    </message>
    <message>
        <source>Every hamlet</source>
        <translation>Mọi thôn/xóm</translation>
    </message>
    <message>
        <source>Every group</source>
        <translation>Mọi đối tượng</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n hộ</numerusform>
        </translation>
    </message>
    <message>
        <source>No household chosen</source>
        <translation>Chưa chọn hộ</translation>
    </message>
    <message>
        <source>Choose a household in the list, or search for one.</source>
        <translation>Hãy chọn một hộ trong danh sách, hoặc tìm hộ.</translation>
    </message>
    <message>
        <source>Household %1</source>
        <translation>Hộ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message>
        <source>Former members: %1</source>
        <translation>Người từng ở trong hộ: %1</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>Hãy chọn một thành viên trước.</translation>
    </message>
    <message>
        <source>household %1</source>
        <translation>hộ %1</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
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
        <source>Import a list of persons</source>
        <translation>Nhập danh sách nhân khẩu</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv *.ods)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv *.ods)</translation>
    </message>
    <message>
        <source>This is a spreadsheet</source>
        <translation>Đây là bảng tính</translation>
    </message>
    <message>
        <source>“%1” is a spreadsheet, not a register. Import the persons it lists into the register open now?</source>
        <translation>“%1” là bảng tính, không phải sổ. Nhập những người có trong bảng tính vào sổ đang mở?</translation>
    </message>
    <message>
        <source>Finishing the work under way…</source>
        <translation>Đang hoàn tất việc đang làm…</translation>
    </message>
    <message>
        <source>The operation under way was finished and saved before closing.</source>
        <translation>Việc đang làm đã được hoàn tất và lưu trước khi đóng.</translation>
    </message>
    <message>
        <source>The operation under way was cancelled before closing; nothing of it was saved.</source>
        <translation>Việc đang làm đã được hủy trước khi đóng; không có gì của việc đó được lưu.</translation>
    </message>
    <message>
        <source>Closing hgd</source>
        <translation>Đóng hgd</translation>
    </message>
    <message>
        <source>Register: %1</source>
        <translation>Sổ: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Hoàn tác: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Làm lại: %1</translation>
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
        <source>About hgd</source>
        <translation>Giới thiệu hgd</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;hgd&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The register of households and their members for health insurance (BHYT), kept by the commune, offline.&lt;/p&gt;&lt;p&gt;Fonts: Noto Sans and Liberation Serif, under the SIL Open Font License 1.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;hgd&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Sổ hộ gia đình và thành viên tham gia bảo hiểm y tế (BHYT) do xã quản lý, hoạt động không cần Internet.&lt;/p&gt;&lt;p&gt;Phông chữ: Noto Sans và Liberation Serif, theo giấy phép SIL Open Font License 1.1.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>Correct %1</source>
        <translation>Sửa thông tin %1</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Thêm thành viên</translation>
    </message>
    <message>
        <source>%1 (change it with “Change group…”)</source>
        <translation>%1 (đổi bằng nút “Đổi đối tượng…”)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>nn/tt/nnnn, tt/nnnn hoặc nnnn</translation>
    </message>
    <message>
        <source>The import could not store these values; please fix them:</source>
        <translation>Khi nhập danh sách, các giá trị sau không lưu được; xin sửa lại:</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Tuổi</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ BHYT</translation>
    </message>
    <message>
        <source>Card valid to</source>
        <translation>Hạn thẻ đến</translation>
    </message>
    <message>
        <source>expiring soon</source>
        <translation>sắp hết hạn</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>còn hạn</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>đã hết hạn</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>chưa có thẻ</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>The card expires within 30 days</source>
        <translation>Thẻ hết hạn trong 30 ngày tới</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge household %1 into another</source>
        <translation>Gộp hộ %1 vào hộ khác</translation>
    </message>
    <message>
        <source>Into household</source>
        <translation>Vào hộ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
</context>
<context>
    <name>MoveInDialog</name>
    <message>
        <source>Record a move into household %1</source>
        <translation>Ghi nhận chuyển đến hộ %1</translation>
    </message>
    <message>
        <source>Record a move in (new household)</source>
        <translation>Ghi nhận chuyển đến (hộ mới)</translation>
    </message>
    <message>
        <source>New household code</source>
        <translation>Mã hộ mới</translation>
    </message>
    <message>
        <source>Hamlet / address</source>
        <translation>Thôn/xóm, địa chỉ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>BHXH code</source>
        <translation>Mã số BHXH</translation>
    </message>
    <message>
        <source>Date of arrival</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>Coming from</source>
        <translation>Chuyển từ nơi</translation>
    </message>
</context>
<context>
    <name>MoveOutDialog</name>
    <message>
        <source>Record a move out of household %1</source>
        <translation>Ghi nhận chuyển đi khỏi hộ %1</translation>
    </message>
    <message>
        <source>Who moves out</source>
        <translation>Những người chuyển đi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Moving to</source>
        <translation>Chuyển đến nơi</translation>
    </message>
    <message>
        <source>New head (if the head leaves)</source>
        <translation>Chủ hộ mới (nếu chủ hộ chuyển đi)</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(không đổi)</translation>
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
    <name>OperationDialog</name>
    <message>
        <source>What will change</source>
        <translation>Những gì sẽ thay đổi</translation>
    </message>
    <message>
        <source>Press “Preview” to see what this will change.</source>
        <translation>Bấm “Xem trước” để xem việc này sẽ thay đổi những gì.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Á&amp;p dụng</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
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
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi mở gần đây</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Có muốn thay thế không?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
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
    <name>SplitDialog</name>
    <message>
        <source>Split household %1</source>
        <translation>Tách hộ %1</translation>
    </message>
    <message>
        <source>Who forms the new household</source>
        <translation>Những người lập hộ mới</translation>
    </message>
    <message>
        <source>Head of the new household</source>
        <translation>Chủ hộ của hộ mới</translation>
    </message>
    <message>
        <source>New household code</source>
        <translation>Mã hộ mới</translation>
    </message>
    <message>
        <source>Hamlet / address</source>
        <translation>Thôn/xóm, địa chỉ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>There is no register at “{path}”. Create one with File → New register…, or open the demo commune.</source>
        <translation>Không có sổ nào ở “{path}”. Hãy tạo sổ bằng Tệp → Tạo sổ mới…, hoặc mở xã mẫu.</translation>
    </message>
    <message>
        <source>“{path}” is not an hgd register. Create one with File → New register….</source>
        <translation>“{path}” chưa phải là sổ của hgd. Hãy tạo sổ bằng Tệp → Tạo sổ mới….</translation>
    </message>
    <message>
        <source>“{path}” was written by a newer version of hgd. Install that version to open it; nothing was changed.</source>
        <translation>“{path}” được ghi bởi phiên bản hgd mới hơn. Hãy cài phiên bản đó để mở; sổ không bị thay đổi gì.</translation>
    </message>
    <message>
        <source>“{path}” is not an hgd register: it holds data of another program.</source>
        <translation>“{path}” không phải sổ của hgd: tệp chứa dữ liệu của chương trình khác.</translation>
    </message>
    <message>
        <source>“{path}” comes from an older hgd. Open it from the File menu to bring it up to date (a copy is kept first).</source>
        <translation>“{path}” được tạo bởi hgd cũ hơn. Hãy mở sổ từ menu Tệp để cập nhật (có sao lưu trước).</translation>
    </message>
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
    <message>
        <source>“%1” is a spreadsheet, not a register. Open or create a register first, then import the spreadsheet into it (the overview page offers “Import a list…”).</source>
        <translation>“%1” là bảng tính, không phải sổ. Hãy mở hoặc tạo sổ trước, rồi nhập bảng tính vào sổ (trang Tổng quan có nút “Nhập danh sách…”).</translation>
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
