using UpdateFrequency = OpenData.Web.Data.Entities.UpdateFrequency;
using static OpenData.Web.Features.Datasets.Demo.Col;

namespace OpenData.Web.Features.Datasets.Demo;

public static partial class DemoCatalog
{
    private static IEnumerable<DemoSpec> Society() =>
    [
        new("zhaopin-gangwei", "企业招聘岗位信息", "rlsbj", 3, "招聘,就业,岗位",
            "人力资源市场发布的企业招聘岗位、人数、学历要求和薪酬范围。", UpdateFrequency.Weekly, 300,
            [Text("招聘单位", r => r.Company("科技", "实业", "电子", "食品", "物流")), Pick("岗位名称", "普工", "质检员", "销售代表", "会计", "电工", "软件工程师", "仓管员"),
             Int("招聘人数", "人", 1, 30), Pick("学历要求", "不限", "高中", "大专", "本科"), Text("月薪范围", r => $"{r.Int(4, 7)}000-{r.Int(8, 12)}000元"), County, Date("发布日期", "岗位发布日期")])
            { AgeDays = 3 },
        new("jineng-peixun-jigou", "职业技能培训机构", "rlsbj", 3, "职业技能,培训,就业",
            "经人社部门备案的职业技能培训机构及培训工种。", UpdateFrequency.HalfYearly, 80,
            [Seq, Text("机构名称", r => $"{r.County.Short}{r.Word()}职业技能培训学校"), Pick("培训工种", "电工", "育婴员", "中式烹调师", "养老护理员", "电子商务师"), County, Address, Phone])
            { AgeDays = 120 },
        new("qiye-shebao-jiaona", "企业职工社会保险缴纳明细", "rlsbj", 3, "社会保险,社保缴纳",
            "企业为职工缴纳养老、失业、工伤保险的月度明细。涉及个人信息，仅对获批申请者开放。", UpdateFrequency.Monthly, 300,
            [Text("单位名称", r => r.Company("科技", "实业")), Credit, Text("月份", r => r.Month()), Int("参保人数", "人", 5, 600), Dec("缴费基数合计", "万元", 10, 800, 2)])
            { Restricted = true, Groups = 1, StepDays = 1, AgeDays = 20 },
        new("zuidi-shenghuo-baozhang", "最低生活保障家庭名单", "mzj", 16, "低保,社会救助",
            "城乡最低生活保障家庭户主、保障人数和月保障金。涉及个人信息，仅对获批申请者开放。", UpdateFrequency.Monthly, 260,
            [Text("户主姓名", r => r.Person()), County, Town, Int("保障人数", "人", 1, 5), Int("月保障金", "元", 600, 3600)]) { Restricted = true, AgeDays = 15 },
        new("shehui-zuzhi", "社会组织名录", "mzj", 21, "社会组织,社会团体,民办非企业",
            "依法登记的社会团体、民办非企业单位和基金会。", UpdateFrequency.Quarterly, 200,
            [Text("组织名称", r => $"丽水市{r.Pick("青瓷", "摄影", "茶叶", "食用菌", "民宿", "书法", "登山")}{r.Pick("协会", "研究会", "促进会", "商会")}"),
             Pick("类型", "社会团体", "民办非企业单位", "基金会"), Credit, Text("法定代表人", r => r.Person()), Date("成立登记日期")]) { AgeDays = 50 },
        new("tuiyi-junren-fuwuzhan", "退役军人服务站", "tyjrswj", 16, "退役军人,服务站",
            "乡镇（街道）退役军人服务站地址和联系电话。", UpdateFrequency.Yearly, 100,
            [Text("服务站名称", r => $"{r.Town}退役军人服务站"), County, Town, Address, Phone, Lon, Lat]) { AgeDays = 180 },
        new("canjiren-fuwu-jigou", "残疾人服务机构", "cl", 16, "残疾人,康复,托养",
            "残疾人康复、托养、就业服务机构名单。", UpdateFrequency.Yearly, 60,
            [Text("机构名称", r => $"{r.County.Name}{r.Pick("残疾人康复中心", "残疾人托养中心", "残疾人之家")}"), Pick("服务类型", "康复", "托养", "就业", "综合"), County, Address, Phone, Lon, Lat])
            { AgeDays = 200 },
        new("shuiku-yimin-tongji", "大中型水库移民人口统计", "ymzx", 16, "移民,水库移民,后期扶持",
            "大中型水库移民后期扶持人口按县统计。", UpdateFrequency.Yearly, 9 * 5,
            [Text("年度", r => r.Date.Year.ToString()), County, Int("扶持人口", "人", 2000, 40000), Int("扶持资金", "万元", 100, 2400)]) { Groups = 9, StepDays = 365, AgeDays = 500 },
        new("lushi-shiwusuo", "律师事务所名录", "sfj", 17, "律师事务所,法律服务",
            "全市律师事务所名称、执业许可证号、负责人和地址。", UpdateFrequency.HalfYearly, 70,
            [Text("律所名称", r => $"浙江{r.Word()}{r.Pick("", "联合")}律师事务所"), Text("执业许可证号", r => $"3331{r.Int(100000, 999999)}"), Text("负责人", r => r.Person()), County, Address, Phone])
            { AgeDays = 90 },
        new("gongzheng-jigou", "公证机构", "sfj", 17, "公证,法律服务",
            "公证处名称、办证范围和地址。", UpdateFrequency.Irregular, 10,
            [Text("公证处", r => $"浙江省{r.County.Name}公证处"), County, Address, Phone, Text("办证范围", _ => "民事、经济公证")]),
        new("falv-yuanzhu-zhan", "法律援助工作站", "sfj", 17, "法律援助,公共法律服务",
            "法律援助工作站和公共法律服务站点。", UpdateFrequency.Yearly, 90,
            [Text("站点名称", r => $"{r.Town}公共法律服务工作站"), County, Town, Address, Phone, Lon, Lat]) { AgeDays = 140 },
        new("daolu-jiaotong-shigu", "道路交通事故明细", "gaj", 4, "交通事故,道路安全",
            "道路交通事故发生时间、地点、形态和伤亡情况。涉及个人信息，仅对获批申请者开放。", UpdateFrequency.Monthly, 300,
            [Date("发生日期"), County, Town, Pick("事故形态", "追尾", "侧面碰撞", "刮擦", "单车事故"), Int("死亡人数", "人", 0, 1), Int("受伤人数", "人", 0, 4)])
            { Restricted = true, AgeDays = 40 },
        new("huji-renkou-tongji", "户籍人口统计", "gaj", 4, "人口,户籍",
            "各乡镇（街道）年末户籍户数和人口数。", UpdateFrequency.Yearly, 100,
            [County, Town, Int("户数", "户", 3000, 40000), Int("人口数", "人", 8000, 120000), Text("统计年度", _ => "2025")]) { AgeDays = 320 },
        new("zhuyao-jingji-zhibiao", "主要经济指标（月度）", "tjj", 13, "经济指标,GDP,统计",
            "全市规上工业增加值、社会消费品零售总额等主要经济指标月度数据。", UpdateFrequency.Monthly, 9 * 24,
            [Text("月份", r => r.Month()), County, Dec("规上工业增加值增速", "%", -3, 15), Dec("社会消费品零售总额", "亿元", 8, 40, 2), Dec("固定资产投资增速", "%", -5, 18)])
            { Groups = 9, StepDays = 30, AgeDays = 70 },
        new("caizheng-shouzhi", "一般公共预算收支", "czj", 13, "财政,预算,收支",
            "全市及各县（市、区）一般公共预算收入和支出年度决算数。", UpdateFrequency.Yearly, 9 * 5,
            [Text("年度", r => r.Date.Year.ToString()), County, Dec("一般公共预算收入", "亿元", 10, 90, 2), Dec("一般公共预算支出", "亿元", 30, 160, 2)])
            { Groups = 9, StepDays = 365, AgeDays = 250 },
        new("gongjijin-jiaocun", "住房公积金缴存提取统计", "gjjzx", 13, "住房公积金,缴存,提取",
            "住房公积金月度缴存额、提取额和个人住房贷款发放额。", UpdateFrequency.Monthly, 9 * 24,
            [Text("月份", r => r.Month()), County, Dec("缴存额", "万元", 2000, 16000, 0), Dec("提取额", "万元", 1500, 12000, 0), Dec("贷款发放额", "万元", 1000, 15000, 0)])
            { Groups = 9, StepDays = 30, AgeDays = 25 },
        new("zhengfu-caigou-gonggao", "政府采购中标结果", "ggzyjyzx", 13, "政府采购,中标,公共资源交易",
            "政府采购项目名称、采购人、中标供应商和中标金额。", UpdateFrequency.Weekly, 220,
            [Text("项目名称", r => $"{r.County.Name}{r.Pick("智慧校园设备", "道路维修", "办公家具", "信息系统运维", "物业服务")}采购项目"),
             Text("采购人", r => $"{r.County.Name}{r.Pick("教育局", "交通运输局", "人民医院", "机关事务中心")}"), Text("中标供应商", r => r.Company("科技", "建设", "物业")),
             Dec("中标金额", "万元", 5, 900, 2), Date("公告日期")]) { AgeDays = 6 },
        new("gongcheng-zhaobiao", "工程建设项目招标公告", "ggzyjyzx", 5, "工程招标,建设工程",
            "房建市政、交通、水利工程建设项目招标公告。", UpdateFrequency.Weekly, 150,
            [Text("项目名称", r => $"{r.Town}{r.Pick("美丽城镇", "农村供水", "道路提升", "安置房", "堤防加固")}工程"), Pick("工程类别", "房建市政", "交通", "水利"),
             Dec("估算金额", "万元", 50, 9000, 0), County, Date("公告日期")]) { AgeDays = 30 },
        new("baozhangxing-zhufang", "保障性住房项目", "jsj", 5, "保障性住房,公租房,安置房",
            "保障性租赁住房、公租房项目名称、套数和位置。", UpdateFrequency.HalfYearly, 50,
            [Text("项目名称", r => $"{r.Town}{r.Pick("人才公寓", "公租房小区", "保障性租赁住房")}"), Int("房源套数", "套", 40, 1200), County, Address, Lon, Lat]) { AgeDays = 100 },
        new("wuye-fuwu-qiye", "物业服务企业名录", "jsj", 5, "物业,住宅小区",
            "在本市从事物业服务的企业和在管项目数。", UpdateFrequency.Yearly, 120,
            [Text("企业名称", r => r.Company("物业管理", "物业服务")), Credit, Int("在管项目数", "个", 1, 40), County, Phone]) { AgeDays = 260 },
        new("biaozhun-diming", "标准地名录", "zrzyj", 20, "地名,行政村,地理信息",
            "行政村和自然村标准地名、罗马字母拼写、所属乡镇和坐标。", UpdateFrequency.Irregular, 300,
            [Text("标准名称", r => $"{r.Word()}{r.Pick("村", "坑村", "岙村", "源村", "垟村")}"), Pick("类别", "行政村", "自然村"), County, Town, Lon, Lat]),
        new("tudi-churang", "国有建设用地使用权出让结果", "zrzyj", 9, "土地出让,建设用地",
            "国有建设用地使用权出让地块位置、面积、用途和成交价。", UpdateFrequency.Monthly, 120,
            [Text("地块编号", r => $"丽{r.County.Short}{r.Int(2024, 2026)}-{r.Int(1, 60):D2}"), County, Town, Dec("出让面积", "平方米", 2000, 90000, 0),
             Pick("土地用途", "住宅用地", "工业用地", "商服用地"), Dec("成交价", "万元", 300, 60000, 0), Date("成交日期")]) { AgeDays = 50 },
        new("guancang-dangan-mulu", "馆藏档案全宗目录", "dag", 7, "档案,全宗,历史",
            "市档案馆馆藏档案全宗名称、起止年度和卷数。", UpdateFrequency.Irregular, 80,
            [Text("全宗号", r => $"J{r.I + 1:D3}"), Text("全宗名称", r => $"丽水{r.Pick("专署", "县人民委员会", "地区行署", "市人民政府")}{r.Pick("农业局", "教育局", "水利局", "商业局")}"),
             Text("起止年度", r => $"{r.Int(1949, 1980)}—{r.Int(1985, 2005)}"), Int("案卷数", "卷", 50, 3000)]),
    ];

    /// <summary>Every demo dataset, in a stable order.</summary>
    public static IReadOnlyList<DemoSpec> All { get; } = [.. Environment(), .. Services(), .. Economy(), .. Society()];
}
