/// Traditional Chinese characters of the words the extraction rules look for, with their simplified forms: the rules
/// match the simplified line, and names and phrases are taken from the line as written.
enum Traditional {
    static let simplified: [Character: Character] = [
        "預": "预", "計": "计", "長": "长", "億": "亿", "萬": "万", "個": "个", "內": "内", "過": "过", "於": "于",
        "確": "确", "爭": "争", "達": "达", "漲": "涨", "兩": "两", "點": "点", "項": "项", "噸": "吨", "畝": "亩",
        "與": "与", "實": "实", "現": "现", "績": "绩", "標": "标", "務": "务", "劃": "划", "規": "规", 
        "發": "发", "佈": "布", "開": "开", "總": "总", "額": "额", "資": "资", "產": "产", "業": "业", 
        "幣": "币", "減": "减", "少": "少", "勞": "劳", "動": "动", "數": "数", "據": "据", "為": "为",
        "維": "维", "持": "持", "穩": "稳", "躍": "跃", "級": "级", "區": "区", "鎮": "镇", "鄉": "乡", "農": "农",
        "場": "场", "戶": "户", "輛": "辆", "臺": "台", "條": "条", "來": "来", "會": "会", "們": "们", "報": "报",
        "顧": "顾", "進": "进", "頭": "头", "年": "年", "較": "较", "別": "别", "將": "将", "該": "该",
        "兆": "兆", "價": "价", "格": "格", "準": "准", 
    ]

    /// The simplified form of one character (itself when it has none here).
    static func simplify(_ c: Character) -> Character { simplified[c] ?? c }
}
