package io.yardstick.cli.sample;

import java.util.List;

/**
 * The parameters of the simulated after-sales business: every number the sample data is drawn from, in one
 * place. {@code docs/sample-data.md} explains them; change one and the bundled data must be regenerated (a test
 * says so).
 */
final class SampleModel {
	private SampleModel() {
	}

	// ---- Regions ----------------------------------------------------------------------------------------

	static final List<String> REGIONS = List.of("华东", "华北", "华南", "西南", "西北");
	/** Share of the customers in each region: the regions' base volumes. */
	static final double[] REGION_CUSTOMER_SHARE = { 0.31, 0.24, 0.20, 0.15, 0.10 };
	/**
	 * How slowly each region answers and resolves, 1 = average: the west is thinly staffed. Multiplied by the
	 * month's staffing load, this is the region-month's <em>slowness</em>.
	 */
	static final double[] REGION_SLOWNESS = { 0.80, 0.95, 0.90, 1.30, 1.55 };
	/** Staffing load by calendar month (January first): Spring Festival leave, the summer air-conditioning peak. */
	static final double[] MONTH_LOAD = { 1.10, 1.25, 1.00, 0.95, 0.95, 1.05, 1.20, 1.15, 1.00, 0.95, 0.95, 1.00 };
	/** Spread of a region-month's random staffing load (the sd of its logarithm), and its month-to-month memory. */
	static final double LOAD_SPREAD = 0.30;
	static final double LOAD_MEMORY = 0.5;
	static final double MIN_SLOWNESS = 0.5;
	static final double MAX_SLOWNESS = 3.0;

	/** Cities for company names, by region. */
	static final String[][] CITIES = {
			{ "上海", "杭州", "南京", "苏州", "宁波", "合肥", "无锡", "温州" },
			{ "北京", "天津", "石家庄", "太原", "济南", "青岛", "呼和浩特" },
			{ "广州", "深圳", "厦门", "南宁", "海口", "东莞", "佛山" },
			{ "成都", "重庆", "昆明", "贵阳", "绵阳" },
			{ "西安", "兰州", "银川", "西宁", "乌鲁木齐" } };

	// ---- Segments ---------------------------------------------------------------------------------------

	static final List<String> SEGMENTS = List.of("enterprise", "smb", "consumer");
	static final double[] SEGMENT_SHARE = { 0.12, 0.33, 0.55 };
	/** Relative number of tickets a customer of each segment opens per month. */
	static final double[] SEGMENT_TICKET_RATE = { 5.0, 1.8, 0.55 };
	/** Relative number of orders a customer of each segment places per month. */
	static final double[] SEGMENT_ORDER_RATE = { 2.6, 1.3, 0.75 };
	/** Median order amount in CNY, before the product line's price factor. */
	static final double[] SEGMENT_ORDER_MEDIAN = { 40_000, 10_000, 2_600 };
	static final double ORDER_SPREAD = 0.6;
	/** Monthly churn probability of a customer of each segment whose satisfaction is {@link #NEUTRAL_SATISFACTION}. */
	static final double[] SEGMENT_CHURN = { 0.010, 0.020, 0.028 };

	// ---- Product lines ----------------------------------------------------------------------------------

	static final List<String> PRODUCT_LINES = List.of("空调", "冰箱", "洗衣机", "厨房电器");
	static final double[] LINE_TICKET_SHARE = { 0.38, 0.24, 0.24, 0.14 };
	static final double[] LINE_SALE_SHARE = { 0.34, 0.25, 0.22, 0.19 };
	/** Price factor of an order of each line. */
	static final double[] LINE_PRICE = { 1.35, 1.0, 0.8, 0.45 };
	/** Base service cost of a ticket of each line, in CNY (an air conditioner needs a technician on site). */
	static final double[] LINE_BASE_COST = { 170, 115, 100, 55 };
	/** Mean resolution time of an ordinary ticket of each line at slowness 1, in hours. */
	static final double[] LINE_RESOLUTION_HOURS = { 16, 11, 10, 6 };
	/** Mean follow-ups of a ticket of each line at slowness 1. */
	static final double[] LINE_FOLLOW_UPS = { 1.3, 1.0, 1.1, 0.7 };
	/** Relative complaint propensity of each line. */
	static final double[] LINE_COMPLAINT = { 1.2, 1.0, 1.0, 0.7 };

	// ---- Volumes over time ------------------------------------------------------------------------------

	/** Tickets by calendar month (January first), relative. */
	static final double[] MONTH_TICKETS = { 0.85, 0.75, 0.95, 1.00, 1.05, 1.20, 1.35, 1.30, 1.05, 0.95, 1.00, 0.95 };
	/** Orders by calendar month, relative: the 618 and Double 11 shopping festivals, the Spring Festival lull. */
	static final double[] MONTH_SALES = { 0.90, 0.70, 0.95, 1.00, 1.05, 1.30, 1.10, 1.00, 1.00, 1.05, 1.45, 1.10 };
	/** Growth of volumes per month. */
	static final double MONTHLY_GROWTH = 0.015;
	/** Share of the customers signed before the first month; the others sign during the months covered. */
	static final double SIGNED_BEFORE_SHARE = 0.78;
	/** Customers signed before the first month signed within this many days before it. */
	static final int SIGNED_BEFORE_DAYS = 4 * 365;
	/**
	 * Likelihood of a ticket or order by hour of day (0 to 23), relative to the busiest hour, on a working day;
	 * weekends are {@link #WEEKEND} of that.
	 */
	static final double[] HOUR_WEIGHT = { 0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.10, 0.30, 0.70, 1.00, 1.00, 0.95,
			0.75, 0.85, 0.95, 0.95, 0.90, 0.80, 0.60, 0.50, 0.45, 0.35, 0.20, 0.08 };
	static final double WEEKEND = 0.55;

	// ---- Tickets ----------------------------------------------------------------------------------------

	/** Complaint probability at slowness 1 and line propensity 1; it grows with slowness. */
	static final double COMPLAINT_RATE = 0.055;
	/** Mean first response time at slowness 1, in hours. */
	static final double FIRST_RESPONSE_HOURS = 1.5;
	/** Mean resolution time of a complaint at slowness 1, in hours. */
	static final double COMPLAINT_HOURS = 18;
	/** Resolution times grow with slowness to this power. */
	static final double RESOLUTION_EXPONENT = 1.3;
	/**
	 * An ordinary ticket waits for spare parts with probability this times slowness to the power 1.5 (a busy
	 * region orders late), adding {@link #PARTS_DAYS} days on average to its resolution.
	 */
	static final double PARTS_RATE = 0.04;
	static final double PARTS_DAYS = 6;
	/** A ticket that is never resolved ("stuck"), with probability this times slowness squared. */
	static final double STUCK_RATE = 0.004;
	/** Share of the surveyed (resolved or closed) tickets that have a csat. */
	static final double CSAT_RESPONSE = 0.47;
	/** Probability of an nps on a surveyed ticket with a csat, and without one. */
	static final double NPS_WITH_CSAT = 0.55;
	static final double NPS_WITHOUT_CSAT = 0.10;

	// ---- Satisfaction and churn -------------------------------------------------------------------------

	/** The satisfaction (on the csat scale) at which a customer churns at its segment's base rate. */
	static final double NEUTRAL_SATISFACTION = 4.1;
	/** Churn grows by e^this for every point of satisfaction below neutral. */
	static final double CHURN_SENSITIVITY = 3.0;
	/** Weight of the customer's own tickets (against the region's service level) in its satisfaction. */
	static final double OWN_EXPERIENCE = 0.6;
	/** Churn factor after a complaint in the previous month. */
	static final double COMPLAINT_CHURN = 1.5;
	static final double MAX_CHURN = 0.5;

	// ---- Names ------------------------------------------------------------------------------------------

	static final String[] NAME_CORES = { "恒泰", "华信", "宏达", "瑞丰", "鼎盛", "嘉禾", "远航", "星辰", "金桥", "天合", "博众",
			"新源", "正和", "联创", "盛世", "九洲", "长青", "海纳", "明德", "安泰", "永兴", "中孚", "百盛", "同创", "汇通", "锦程", "启明",
			"东方", "凯旋", "德润" };
	static final String[] COMPANY_KINDS = { "科技", "贸易", "实业", "酒店管理", "物业服务", "餐饮管理", "商贸", "电子", "物流", "置业",
			"医疗器械", "教育科技" };
	static final String[] SHOP_KINDS = { "商行", "餐厅", "便利店", "五金店", "工作室", "汽修厂", "诊所", "宾馆", "超市", "茶餐厅",
			"烘焙坊", "健身房" };
	/** Foreign-invested companies, named in English: their names hold a comma, so the cell is quoted. */
	static final String[] FOREIGN_NAMES = { "Northwind Trading", "Bluewater Foods", "Alder & Finch Hotels",
			"Kestrel Logistics", "Lumen Medical Devices", "Harbor Point Properties", "Cedar Hill Education",
			"Orion Precision Parts" };
	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
			"何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹" };
	static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
			"超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "建", "文", "辉", "鹏", "宇", "浩", "欣", "婷", "雪", "晨" };
}
