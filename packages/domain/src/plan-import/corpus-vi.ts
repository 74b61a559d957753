/**
 * A small corpus of Vietnamese administrative prose on digital transformation, written for this repository
 * (generic phrasing of provincial DX plans, programmes, decisions and guidance under Nghị định 30/2020; no
 * sentence is taken from plan 54/KH-UBND, which is the measurement's reference). The syllable language model
 * of the OCR repair is built from it (docs/plan-import.md). It names no place, no agency and no province's own
 * bodies: those are the province's data (its units over time, its settings, the national bodies), which the
 * caller passes to `syllableModelFor` (issue 15: no province is special in code).
 */
export const DX_CORPUS_VI: readonly string[] = [
  `ỦY BAN NHÂN DÂN TỈNH. CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Độc lập - Tự do - Hạnh phúc.
Số: 15/KH-UBND. Ngày 10 tháng 3 năm 2024. KẾ HOẠCH. QUYẾT ĐỊNH. CHƯƠNG TRÌNH. ĐỀ ÁN. HƯỚNG DẪN.
SỞ. BAN. CƠ QUAN CHUYÊN MÔN. VĂN PHÒNG.
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Luật Giao dịch điện tử;
căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
căn cứ Quyết định số 749/QĐ-TTg của Thủ tướng Chính phủ; căn cứ Nghị quyết của Ban Chấp hành Đảng bộ tỉnh;
căn cứ Chỉ thị của cấp ủy; theo đề nghị của Giám đốc Sở tại Tờ trình số 12/TTr-S.
Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung như sau. Ủy ban nhân dân thành phố quyết định.
I. MỤC ĐÍCH, YÊU CẦU. 1. Mục đích. 2. Yêu cầu. II. MỤC TIÊU. 1. Mục tiêu chung. 2. Mục tiêu cụ thể.
III. NHIỆM VỤ VÀ GIẢI PHÁP. IV. KINH PHÍ THỰC HIỆN. V. TỔ CHỨC THỰC HIỆN. NỘI DUNG TUYÊN TRUYỀN. NHIỆM VỤ CỤ THỂ.
MỤC TIÊU TUYÊN TRUYỀN. Phụ lục kèm theo Kế hoạch. Danh mục nhiệm vụ. Thời gian thực hiện. Sản phẩm.`,
  `Nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và người dân về vai trò, ý nghĩa của chuyển đổi số.
Tạo sự đồng thuận của cả hệ thống chính trị, doanh nghiệp và Nhân dân trong triển khai chuyển đổi số trên địa bàn tỉnh.
Công tác thông tin, tuyên truyền phải được thực hiện thường xuyên, liên tục, đa dạng về hình thức, phong phú về nội dung.
Đẩy mạnh ứng dụng công nghệ thông tin, phát triển chính quyền số, kinh tế số và xã hội số.
Thúc đẩy chuyển đổi nhận thức, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của địa phương.
Bảo đảm an toàn, an ninh mạng; bảo vệ dữ liệu cá nhân; nâng cao kỹ năng số cho người dân.
Các cơ quan, đơn vị, địa phương chủ động xây dựng kế hoạch, lồng ghép nội dung tuyên truyền vào chương trình công tác hằng năm.
Các cơ quan báo chí, Cổng thông tin điện tử, trang thông tin điện tử của các sở, ban, ngành duy trì chuyên mục về chuyển đổi số.
Hệ thống thông tin cơ sở, đài truyền thanh cấp huyện, cấp xã tăng cường thời lượng phát sóng các tin, bài về chuyển đổi số.
Tổ chức tập huấn, bồi dưỡng kỹ năng viết tin, bài cho đội ngũ phóng viên, biên tập viên, cán bộ thông tin cơ sở.
Tổ chức cuộc thi, hội thảo, diễn đàn, tọa đàm về chuyển đổi số; tổ chức các buổi học ngoại khóa tại trường học.
Tuyên truyền, nhân rộng các mô hình chuyển đổi số thành công, tôn vinh gương điển hình tiên tiến.
Phổ biến, chia sẻ kinh nghiệm, cách làm hay, sáng kiến trong chuyển đổi số; biểu dương tập thể, cá nhân có thành tích.`,
  `Tuyên truyền về thể chế số, hạ tầng số, dữ liệu số, nền tảng số, an toàn thông tin mạng, chính quyền số, kinh tế số, xã hội số.
Phát triển hạ tầng viễn thông, băng thông rộng cố định và di động, phủ sóng mạng di động 4G, 5G đến các thôn, bản, vùng sâu, vùng xa.
Xóa vùng lõm sóng; phổ cập điện thoại thông minh; mở rộng mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.
Xây dựng trung tâm dữ liệu, trung tâm giám sát, điều hành đô thị thông minh; ứng dụng điện toán đám mây.
Khai thác, sử dụng cơ sở dữ liệu quốc gia về dân cư; kết nối, chia sẻ dữ liệu dùng chung giữa các cơ quan nhà nước.
Xây dựng kho dữ liệu dùng chung, cổng dữ liệu mở; tạo lập, cung cấp dữ liệu mở phục vụ người dân và doanh nghiệp.
Xây dựng, cập nhật cơ sở dữ liệu (CSDL) chuyên ngành; chuẩn hóa, số hóa hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính.
Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối với nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP).
Phổ cập nền tảng học trực tuyến mở đại trà; phổ cập kỹ năng số cho người dân thông qua tổ công nghệ số cộng đồng.
Hệ thống thông tin phải được phê duyệt hồ sơ đề xuất cấp độ trước khi đưa vào vận hành, khai thác, sử dụng.
Hệ thống chính thức, hệ thống thử nghiệm có dữ liệu thật phải tuân thủ quy định về bảo đảm an toàn thông tin theo cấp độ.
Phổ biến kiến thức, kỹ năng nhận diện lừa đảo trực tuyến, tin giả, tin xấu độc trên không gian mạng.`,
  `Cung cấp dịch vụ công trực tuyến toàn trình, một phần; thanh toán trực tuyến; tiện ích thông minh phục vụ người dân, doanh nghiệp.
Hoàn thiện hệ thống quản lý văn bản và điều hành, hệ thống thông tin giải quyết thủ tục hành chính, hệ thống thông tin báo cáo.
Nâng cao hiệu quả hoạt động chỉ đạo, điều hành của cơ quan đảng, chính quyền, mặt trận tổ quốc, tổ chức đoàn thể các cấp.
Chỉ số cải cách hành chính (PAR Index), chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS),
chỉ số năng lực cạnh tranh cấp tỉnh (PCI), chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), chỉ số chuyển đổi số (DTI).
Phát triển ngành công nghiệp công nghệ thông tin và truyền thông (ICT), doanh nghiệp công nghệ số; khu công nghiệp, khu kinh tế (KCN, KKT).
Cơ chế, chính sách ưu đãi, khuyến khích doanh nghiệp ứng dụng nền tảng số trong sản xuất, kinh doanh; thương mại điện tử (TMĐT).
Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số; hợp tác nghiên cứu, ứng dụng khoa học công nghệ, đổi mới sáng tạo, khởi nghiệp.
Chuyển đổi số trong y tế: khám chữa bệnh từ xa, bệnh viện thông minh, bệnh án điện tử, hồ sơ sức khỏe điện tử, chăm sóc sức khỏe nhân dân.
Chuyển đổi số trong giáo dục và đào tạo: học bạ số, sổ điểm điện tử, giáo dục STEM, kỹ năng số, học sinh, sinh viên, giáo viên, nhà trường.
Đổi mới phương pháp dạy và học; tận dụng công nghệ để mọi người dân, nhất là người dân vùng khó khăn, vùng đồng bào dân tộc, hải đảo được tiếp cận giáo dục.
Chuyển đổi số báo chí, truyền thông; nâng cấp đài truyền thanh ứng dụng công nghệ thông tin - viễn thông, truyền thanh kỹ thuật số cấp xã.
Văn hóa số, đạo đức số, ứng xử văn minh, lịch sự trên môi trường số, mạng xã hội; xây dựng người dân văn minh, thanh lịch.
Hưởng ứng Ngày Chuyển đổi số quốc gia 10 tháng 10; Tháng tiêu dùng số; kênh thông tin Chuyển đổi số quốc gia trên Zalo, Facebook, YouTube, Internet.
Nền tảng số, sản phẩm, dịch vụ, mô hình kinh doanh mới dựa trên công nghệ số, Internet và không gian mạng; Trí tuệ nhân tạo, dữ liệu lớn.`,
  `Giao Sở được giao nhiệm vụ về chuyển đổi số là cơ quan thường trực, chủ trì, phối hợp với các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố
triển khai, hướng dẫn, đôn đốc, kiểm tra, giám sát việc thực hiện Kế hoạch; định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ quản lý chuyên ngành.
Sở quản lý tài chính chủ trì, phối hợp với Sở là cơ quan thường trực tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm
theo phân cấp ngân sách hiện hành, phù hợp với khả năng cân đối ngân sách; cân đối nguồn vốn đầu tư công.
Các sở, ban, ngành, đoàn thể; Ủy ban nhân dân các quận, huyện, xã, phường, thị trấn căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch cụ thể,
lập dự toán kinh phí từ nguồn chi thường xuyên; gửi Sở quản lý tài chính thẩm định, trình Ủy ban nhân dân tỉnh phê duyệt; trường hợp cần bổ sung kinh phí thì đề nghị.
Kinh phí được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành, lồng ghép trong các chương trình, đề án, dự án và huy động các nguồn hợp pháp khác theo quy định của pháp luật.
Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội phối hợp tuyên truyền, vận động hội viên, đoàn viên tham gia.
Các cơ quan, đơn vị liên quan chịu trách nhiệm thực hiện; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo, đề xuất, kiến nghị
Ủy ban nhân dân tỉnh (qua Sở là cơ quan thường trực để tổng hợp) xem xét, chỉ đạo, giải quyết./.
Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch. Điều 2. Tổ chức thực hiện. Điều 3. Trách nhiệm thi hành.
Nơi nhận: - Như Điều 3; - Bộ; - TTTU, TTHĐND tỉnh; - CT, các PCT UBND tỉnh; - Thành viên BCĐ CĐS tỉnh; - Các sở, ban, ngành;
- UBND các huyện, thị xã, thành phố; - CVP, các PCVP UBND tỉnh; - Cổng TTĐT tỉnh; - CT, các PCT UBND TP (văn bản của thành phố trực thuộc trung ương); - Phòng KSTTHC, NC&KTGS, TH; - Lưu: VT.
TM. ỦY BAN NHÂN DÂN. KT. CHỦ TỊCH. PHÓ CHỦ TỊCH. CHỦ TỊCH. KT. GIÁM ĐỐC. PHÓ GIÁM ĐỐC. GIÁM ĐỐC. Nguyễn Văn Hùng. Trần Minh Cường. Lê Thị Hương. Hoàng Văn Nam. Phạm Minh Tuấn.`,
  `Hội đồng nhân dân, Ủy ban nhân dân, Ban Thường vụ cấp ủy, Ban Chỉ đạo chuyển đổi số; Chương trình hành động thực hiện Nghị quyết;
Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021-2025, định hướng đến năm 2030; Chiến lược quốc gia phát triển kinh tế số và xã hội số;
Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được Thủ tướng Chính phủ phê duyệt.
Bộ tiêu chí đánh giá mức độ chuyển đổi số của các sở, ngành, địa phương; bộ chỉ số đánh giá; chỉ số thành phần; kết quả đánh giá, xếp hạng.
Tổng hợp dự toán kinh phí, kết quả triển khai; báo cáo định kỳ 6 tháng, hằng năm; kiểm tra, đôn đốc; sơ kết, tổng kết.
Thời gian: quý I, quý II, quý III, quý IV, cả năm; thường xuyên; trong tháng. Tỷ lệ đạt 100%; tối thiểu 80%; ít nhất 02 lần mỗi năm.
Trên địa bàn tỉnh, trên địa bàn thành phố; từ gia đình đến nhà trường và xã hội; hướng tới các ứng dụng lành mạnh, thiết thực, hiệu quả.
Góp phần hình thành xã hội thông tin; gắn kết với bảo đảm an toàn, an ninh thông tin cho người sử dụng; lợi ích của người dân và doanh nghiệp.
Tiếp tục duy trì, nâng cao chất lượng; đa dạng hóa hình thức; phương tiện thông tin đại chúng; tin, bài, phóng sự, chuyên đề, chuyên trang.
Quận, huyện, thị xã, thành phố thuộc tỉnh; xã, phường, thị trấn; thôn, tổ dân phố; khu đô thị trung tâm; khu vực nông thôn, miền núi.
Xây dựng bộ tiêu chí, nghiên cứu, đề xuất; thực hiện tốt công tác tuyên truyền đến từng người dân, đặc biệt là tại các xã vùng sâu, vùng xa.
Thông tin, chia sẻ rộng rãi; phổ biến mô hình; tấm gương điển hình; kiến tạo và sử dụng giải pháp số; hệ thống quản lý thông minh.
Số hóa và sử dụng dữ liệu hiệu quả; hoàn thiện các hệ thống thông tin; giảm thời gian, chi phí; tiếp cận, khai thác; chia sẻ dùng chung.
Cán bộ, công chức, viên chức, người lao động; học sinh, sinh viên; hội viên, đoàn viên; cán bộ phụ trách; cán bộ chuyên trách công nghệ thông tin.
Đảm bảo, bảo đảm; triển khai, trình, tham mưu, đề nghị gửi; giúp, hỗ trợ; theo quy định; đối với; phù hợp với; để thực hiện; có danh mục.`,
  `Để thực hiện tốt nhiệm vụ, các đơn vị cần chủ động phối hợp; nhằm bảo đảm tiến độ, chất lượng và hiệu quả.
Tại các cơ quan, đơn vị; tại địa phương; tại Phụ lục; tại Kế hoạch này; tại cuộc họp; tại hội nghị; tại trụ sở.
Những hệ thống chưa được kiểm tra thì chưa đưa vào sử dụng; hồ sơ chưa đầy đủ thì phải bổ sung đầy đủ theo quy định.
Nguyên tắc bảo đảm an toàn; kết luận kiểm tra; trở thành một trong những nhiệm vụ trọng tâm; là một trong các giải pháp.
Bộ tiêu chí do Bộ ban hành; do Ủy ban nhân dân tỉnh giao; do các sở chủ trì; do Trung ương và địa phương cùng thực hiện.
Số liệu, số lượng, tỷ lệ; sổ theo dõi; theo dõi, đánh giá; đổi mới sáng tạo; đối tượng; mọi đối tượng; ở vùng khó khăn.
Tổng quát; cụ thể; tổng hợp kết quả; thông qua; hoặc; cũng như; trong đó; trong quá trình; quá trình xây dựng; kết quả đạt được.
Nhận thức, ý thức, tri thức; thức tỉnh; hình thức; chính thức; thực hiện; thực tế; thực chất; lưu trữ dữ liệu điện tử; lưu trữ hồ sơ.
Các cấp, các ngành; cấp tỉnh, cấp huyện, cấp xã; cung cấp thông tin; cung cấp dịch vụ; công bố dữ liệu; tăng cường; tăng trưởng; từng người.
Quận, huyện, thị xã; các quận; Ủy ban nhân dân quận; hưởng ứng; hướng dẫn; định hướng; hỗ trợ; trợ giúp; bố trí kinh phí; bộ phận.
Phòng, ban chuyên môn; Văn phòng; Cổng thông tin điện tử; Cổng dịch vụ công; Trung ương; Trung tâm; tấm gương; học tập.
Thuộc thẩm quyền; thuộc ngân sách; nghiên cứu; dẫn đến; hướng dẫn; các chương trình; trở thành; dữ liệu mở (Open Data); kho dữ liệu (Data Warehouse); điện toán đám mây (Cloud); dữ liệu lớn (Big Data).`,
];
