using UpdateFrequency = OpenData.Web.Data.Entities.UpdateFrequency;
using static OpenData.Web.Features.Datasets.Demo.Col;

namespace OpenData.Web.Features.Datasets.Demo;

public static partial class DemoCatalog
{
    private static IEnumerable<DemoSpec> Economy() =>
    [
        new("gongjiao-xianlu", "公交线路", "jtysj", 6, "公交,线路,出行",
            "城市及城乡公交线路的起讫站、首末班时间、票价和运营单位。", UpdateFrequency.Quarterly, 160,
            [Text("线路名称", r => $"{r.County.Short}{r.Int(1, 60)}路"), Text("起点站", r => $"{r.Town}公交站"), Text("终点站", r => $"{r.Pick(r.County.Townships)}公交站"),
             Text("首班时间", r => $"0{r.Int(5, 7)}:{r.Pick("00", "20", "30")}"), Text("末班时间", r => $"{r.Int(17, 21)}:{r.Pick("00", "30")}"), Int("票价", "元", 1, 8),
             County, Text("运营单位", r => $"{r.County.Short}公共交通有限公司")]) { AgeDays = 45 },
        new("gongjiao-zhandian", "公交站点", "jtysj", 6, "公交,站点,出行",
            "公交站点名称、途经线路数和坐标。", UpdateFrequency.Quarterly, 400,
            [Text("站点名称", r => $"{r.Town}{r.Pick("", "路口", "东", "南", "站")}"), Int("途经线路数", "条", 1, 12), County, Town, Lon, Lat]) { AgeDays = 45 },
        new("gonggong-zixingche", "公共自行车租赁点", "jtysj", 6, "公共自行车,慢行交通",
            "公共自行车租赁点名称、车桩数和位置。", UpdateFrequency.Quarterly, 150,
            [Seq, Text("租赁点名称", r => $"{r.Town}{r.Pick("广场", "公园", "小区", "医院")}租赁点"), Int("车桩数", "个", 10, 40), County, Town, Lon, Lat])
            { County = "331102", AgeDays = 130 },
        new("gonggong-tingchechang", "公共停车场", "zhzfj", 6, "停车场,泊位,停车",
            "公共停车场名称、泊位数、收费标准和位置。", UpdateFrequency.Quarterly, 180,
            [Seq, Text("停车场名称", r => $"{r.Town}{r.Pick("公共", "地下", "立体", "临时")}停车场"), Int("泊位数", "个", 20, 800), Pick("收费标准", "首小时免费", "2元/小时", "3元/小时", "免费"),
             County, Address, Lon, Lat]) { AgeDays = 60 },
        new("chongdianzhuang", "新能源汽车充电设施", "fgw", 9, "充电桩,新能源汽车,能源",
            "公共充电站名称、快慢充桩数量、运营商和位置。", UpdateFrequency.Monthly, 210,
            [Seq, Text("充电站名称", r => $"{r.Town}{r.Pick("公共", "服务区", "停车场", "商业综合体")}充电站"), Int("快充桩", "个", 0, 20), Int("慢充桩", "个", 0, 30),
             Pick("运营商", "国网浙江电动汽车服务有限公司", "特来电", "星星充电", "丽水交投"), County, Address, Lon, Lat]) { AgeDays = 18 },
        new("jiayouzhan", "加油站名录", "swj", 9, "加油站,成品油",
            "成品油零售经营许可加油站名单。", UpdateFrequency.HalfYearly, 150,
            [Seq, Text("加油站名称", r => $"{r.Pick("中国石化", "中国石油", "中化")}{r.County.Short}{r.Town.Replace("街道", "").Replace("镇", "").Replace("乡", "")}加油站"),
             County, Address, Text("许可证号", r => $"油零售证书第33{r.Int(10000, 99999)}号"), Lon, Lat]) { AgeDays = 120 },
        new("daolu-yunshu-yehu", "道路运输经营业户", "jtysj", 6, "道路运输,货运,客运",
            "道路旅客运输、货物运输经营业户名称和经营范围。", UpdateFrequency.Monthly, 220,
            [Seq, Text("业户名称", r => r.Company("运输", "物流", "客运")), Credit, Pick("经营范围", "普通货运", "道路旅客运输", "危险货物运输", "货物专用运输"), County, Date("许可日期")])
            { AgeDays = 75 },
        new("qiye-xinyong-pingjia", "企业公共信用评价结果", "fgw", 1, "信用,公共信用评价,企业",
            "依据公共信用信息对企业开展的信用评价等级结果。", UpdateFrequency.Quarterly, 300,
            [Text("企业名称", r => r.Company("科技", "实业", "贸易", "建设", "食品")), Credit, Pick("评价等级", "A", "A", "B", "B", "C", "D"), County, Date("评价日期")])
            { AgeDays = 40 },
        new("xingzheng-xuke", "行政许可信息（双公示）", "scjgj", 1, "行政许可,双公示,信用",
            "按“双公示”要求公开的行政许可决定信息。", UpdateFrequency.Daily, 400,
            [Text("行政相对人名称", r => r.Company("科技", "实业", "餐饮", "食品", "商贸")), Credit, Pick("许可类别", "普通", "特许", "认可", "登记"),
             Pick("许可内容", "食品经营许可", "药品经营许可", "设立登记", "变更登记"), Date("许可决定日期"), Text("许可机关", r => $"{r.County.Name}市场监督管理局")])
            { Versions = 2, AgeDays = 1 },
        new("xingzheng-chufa", "行政处罚信息（双公示）", "scjgj", 1, "行政处罚,双公示,信用",
            "按“双公示”要求公开的行政处罚决定信息。", UpdateFrequency.Weekly, 180,
            [Text("行政相对人名称", r => r.Company("商贸", "餐饮", "食品", "超市")), Credit, Text("处罚决定书文号", r => $"丽市监处罚〔2026〕{r.Int(1, 400)}号"),
             Pick("违法行为类型", "销售不合格食品", "虚假宣传", "未亮证经营", "价格违法"), Int("罚款金额", "元", 500, 50000), Date("处罚决定日期")]) { AgeDays = 5 },
        new("shipin-choujian", "食品安全监督抽检结果", "scjgj", 15, "食品安全,抽检,市场监管",
            "食品安全监督抽检的样品、生产企业、被抽样单位和检验结论。", UpdateFrequency.Monthly, 260,
            [Pick("食品名称", "大米", "香菇", "黄酒", "茶叶", "腌腊肉制品", "豆腐", "糕点", "食用油"), Text("被抽样单位", r => r.Company("超市", "食品", "商贸")), County,
             Date("抽样日期"), Pick("检验结论", "合格", "合格", "合格", "合格", "合格", "不合格")]) { AgeDays = 20 },
        new("nongmao-jiage", "农贸市场主要农产品价格", "fgw", 12, "价格监测,农产品,菜篮子",
            "城区农贸市场猪肉、鸡蛋、青菜等主要农副产品周均零售价格。", UpdateFrequency.Weekly, 9 * 52,
            [Date("监测日期"), County, Dec("猪肉（精瘦肉）", "元/500克", 14, 20), Dec("鸡蛋", "元/500克", 4.5, 6.5), Dec("大白菜", "元/500克", 1.2, 3.5),
             Dec("青菜", "元/500克", 1.5, 4.5), Dec("大米", "元/500克", 2.6, 3.4)]) { Groups = 9, StepDays = 7, Versions = 2, AgeDays = 4 },
        new("shangchang-chaoshi", "大型商场超市名录", "swj", 12, "商场,超市,商贸",
            "营业面积 2000 平方米以上商场、超市名单。", UpdateFrequency.Yearly, 60,
            [Seq, Text("名称", r => $"{r.County.Short}{r.Word()}{r.Pick("购物中心", "超市", "商厦", "广场")}"), Int("营业面积", "平方米", 2000, 60000), County, Address, Lon, Lat])
            { AgeDays = 250 },
        new("lishui-shangeng", "“丽水山耕”品牌产品目录", "nyncj", 11, "丽水山耕,农产品,品牌",
            "获得“丽水山耕”区域公用品牌授权的产品及生产主体。", UpdateFrequency.Quarterly, 180,
            [Pick("产品名称", "香菇", "黑木耳", "高山茶叶", "处州白莲", "缙云麻鸭", "庆元甜橘柚", "遂昌菊米", "松阳银猴茶", "青田田鱼", "景宁惠明茶"),
             Text("生产主体", r => r.Company("农业开发", "生态农业", "合作社")), County, Date("授权日期")]) { AgeDays = 70 },
        new("gaoxin-jishu-qiye", "高新技术企业名录", "kjj", 8, "高新技术企业,科技创新",
            "认定有效期内的国家高新技术企业名单。", UpdateFrequency.Yearly, 200,
            [Text("企业名称", r => r.Company("科技", "电子", "新材料", "智能装备", "生物科技")), Credit, Pick("技术领域", "先进制造与自动化", "新材料", "电子信息", "生物与新医药"),
             County, Text("证书编号", r => $"GR2025330{r.Int(10000, 99999)}"), Text("认定年度", r => r.Pick("2023", "2024", "2025"))]) { AgeDays = 200 },
        new("keji-jihua-xiangmu", "市级科技计划项目", "kjj", 8, "科技项目,科技计划",
            "市级科技计划立项项目名称、承担单位、类别和资助经费。", UpdateFrequency.Yearly, 120,
            [Text("项目名称", r => $"{r.Pick("高山", "山区", "生态", "绿色")}{r.Pick("茶叶", "食用菌", "中药材", "竹木")}{r.Pick("精深加工关键技术", "智能化生产示范", "品质提升研究")}"),
             Text("承担单位", r => r.Company("科技", "农业开发")), Pick("项目类别", "重点研发", "公益性技术应用", "软科学"), Int("资助经费", "万元", 5, 100), Text("立项年度", _ => "2025")])
            { AgeDays = 300 },
        new("zhuanli-tongji", "专利授权量统计", "scjgj", 8, "专利,知识产权",
            "各县（市、区）发明、实用新型、外观设计专利月度授权量。", UpdateFrequency.Monthly, 9 * 24,
            [Text("月份", r => r.Month()), County, Int("发明专利", "件", 5, 80), Int("实用新型", "件", 40, 400), Int("外观设计", "件", 10, 200)])
            { Groups = 9, StepDays = 30, AgeDays = 100 },
        new("guishang-gongye-qiye", "规模以上工业企业名录", "jxj", 11, "工业企业,规上企业,制造业",
            "规模以上工业企业名称、行业和所在园区。", UpdateFrequency.Yearly, 260,
            [Text("企业名称", r => r.Company("阀门", "合成革", "机械", "不锈钢", "竹木制品", "食品")), Credit,
             Pick("所属行业", "通用设备制造业", "皮革制品业", "金属制品业", "木竹制品业", "农副食品加工业"), County, Pick("所在园区", "丽水经济技术开发区", "县级工业园区", "小微企业园")])
            { AgeDays = 200 },
    ];
}
