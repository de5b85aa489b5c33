using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Portal.Localization;

/// <summary>Every piece of interface text, in both languages, in one place.</summary>
public static class UiText
{
    public static readonly LocalizedText SiteName = new("Concurrency Lab", "并发实验室");
    public static readonly LocalizedText Tagline = new(
        "Processes, threads and coroutines: run them for real on this server and watch them live.",
        "进程、线程与协程：在这台服务器上真实地运行它们，并实时观察。");
    public static readonly LocalizedText Course = new("The course", "课程");
    public static readonly LocalizedText Lessons = new("Lessons", "课程目录");
    public static readonly LocalizedText OnThisPage = new("On this page", "本页内容");
    public static readonly LocalizedText Previous = new("Previous", "上一课");
    public static readonly LocalizedText Next = new("Next", "下一课");
    public static readonly LocalizedText LessonNumber = new("Lesson {0}", "第 {0} 课");
    public static readonly LocalizedText ComingSoon = new("More lessons are on their way.", "更多课程正在编写中。");
    public static readonly LocalizedText NotFoundTitle = new("Page not found", "找不到这个页面");
    public static readonly LocalizedText NotFoundText = new(
        "There is no page at this address. The link may be mistyped.",
        "这个地址没有对应的页面，链接可能有误。");
    public static readonly LocalizedText NoSuchLesson = new(
        "There is no lesson at this address. It may have been renamed, or the link is mistyped.",
        "这个地址没有对应的课程。课程可能改了名字，或者链接有误。");
    public static readonly LocalizedText NoSuchRunPage = new(
        "There is no run at this address. The link may be mistyped, or the run is old and was deleted.",
        "这个地址没有对应的运行记录。链接可能有误，或者这次运行太久远，已被删除。");
    public static readonly LocalizedText NoSuchDemoPage = new(
        "There is no demo at this address. All demos, at the top of the page, lists the ones there are.",
        "这个地址没有对应的演示。页面顶部的“全部演示”列出了所有演示。");
    public static readonly LocalizedText UnknownLanguage = new(
        "This page is available in English and 简体中文 only.",
        "本站只提供 English 和简体中文两种语言。");
    public static readonly LocalizedText BackHome = new("Back to the course", "返回课程首页");
    public static readonly LocalizedText SwitchLanguage = new("中文", "English");
    public static readonly LocalizedText SwitchLanguageTitle = new("阅读中文版", "Read in English");
    public static readonly LocalizedText ToggleTheme = new("Switch light/dark theme", "切换浅色/深色主题");
    public static readonly LocalizedText ShowAnswer = new("Show answer", "查看答案");
    public static readonly LocalizedText DemoMissing = new("This demo is not available yet: ", "这个演示暂不可用：");
    public static readonly LocalizedText ShowSource = new("Show the C# source of this demo", "查看这个演示的 C# 源代码");
    public static readonly LocalizedText AllDemos = new("All demos", "全部演示");
    public static readonly LocalizedText AllDemosLede = new(
        "Every demo the portal can run, outside its lesson. Change the parameters and press Run.",
        "门户能运行的所有演示，不必进入课程即可尝试。调整参数，然后点击运行。");
    public static readonly LocalizedText OtherDemos = new("Other demos", "其他演示");
    public static readonly LocalizedText SkipToContent = new("Skip to content", "跳到正文");

    // Stored runs: "My runs", the run page and the comparison.
    public static readonly LocalizedText MyRuns = new("My runs", "我的运行记录");
    public static readonly LocalizedText MyRunsLede = new(
        "Every run started in this browser, newest first. Open one to replay or share it, or tick two and compare them on one time axis.",
        "在这个浏览器里启动的所有运行，最新的在前。打开一次运行可以回放或分享；勾选两次运行，可以在同一条时间轴上对比。");
    public static readonly LocalizedText NoRuns = new(
        "No runs here yet. Open a lesson and press Run: every run is kept, and you can come back to it.",
        "这里还没有运行记录。打开一节课，点击“运行”：每次运行都会保存下来，随时可以回来查看。");
    public static readonly LocalizedText DemosRun = new("You have run this lesson's demos", "你已运行过本课的演示");
    public static readonly LocalizedText LessonRuns = new("My runs of this lesson", "本课的运行记录");
    public static readonly LocalizedText AllLessons = new("All lessons", "全部课程");
    public static readonly LocalizedText AnyStatus = new("Any status", "任意状态");
    public static readonly LocalizedText Filter = new("Filter", "筛选");
    public static readonly LocalizedText CompareSelected = new("Compare the two ticked runs", "对比勾选的两次运行");
    public static readonly LocalizedText CompareThis = new("Compare “{0}”", "选中“{0}”用于对比");
    public static readonly LocalizedText Compare = new("Compare runs", "对比运行");
    public static readonly LocalizedText CompareLede = new(
        "Both runs on one time axis, aligned at their start. Zoom or pan one and the other follows.",
        "两次运行画在同一条时间轴上，从各自的开始时刻对齐。缩放或平移其中一个，另一个会跟着移动。");
    public static readonly LocalizedText ComparePickTwo = new(
        "Pick exactly two runs to compare: tick them in My runs.",
        "请恰好选择两次运行来对比：在“我的运行”里勾选它们。");
    public static readonly LocalizedText Demo = new("Demo", "演示");
    public static readonly LocalizedText Parameters = new("Parameters", "参数");
    public static readonly LocalizedText Status = new("Status", "状态");
    public static readonly LocalizedText StartedAt = new("Started", "开始于");
    public static readonly LocalizedText Duration = new("Duration", "时长");
    public static readonly LocalizedText Result = new("Result", "结果");
    public static readonly LocalizedText Events = new("Events", "事件数");
    public static readonly LocalizedText Lanes = new("Processes / threads / tasks", "进程 / 线程 / 任务");
    public static readonly LocalizedText OutputLines = new("Output lines", "输出行数");
    public static readonly LocalizedText FinalValue = new("Final {0}", "{0} 的最终值");
    public static readonly LocalizedText LastLine = new("Last line", "最后一行输出");
    public static readonly LocalizedText StillRunning = new("Still running: the page shows it live.", "仍在运行：本页实时显示。");
    public static readonly LocalizedText ShareLink = new("Share link", "分享链接");
    public static readonly LocalizedText RunAgain = new("Run again with these parameters", "用这些参数再运行一次");
    public static readonly LocalizedText Replay = new("Replay", "回放");
    public static readonly LocalizedText ReplayPosition = new("Replay position", "回放位置");
    public static readonly LocalizedText Speed = new("Speed", "速度");

    // Why a run was not started, and what to do.
    public static readonly LocalizedText ServerBusy = new(
        "The server is busy: {0} runs are waiting already. Try again in a few seconds.",
        "服务器正忙：已经有 {0} 次运行在排队。请过几秒再试。");
    public static readonly LocalizedText TooManyGoing = new(
        "You already have {0} runs going. Wait for one to end, or cancel it, then run again.",
        "你已经有 {0} 次运行正在进行。等其中一次结束或把它取消，再来运行。");
    public static readonly LocalizedText TooManyPerMinute = new(
        "You started {0} runs in the last minute. Wait a few seconds, then run again.",
        "你在一分钟内已经启动了 {0} 次运行。请稍等几秒再运行。");

    // Why a run cannot be watched.
    public static readonly LocalizedText NoSuchRun = new("There is no run '{0}'.", "没有编号为 '{0}' 的运行。");
    public static readonly LocalizedText BadSequenceNumber = new(
        "'from' must be a sequence number, 0 or more.",
        "'from' 必须是序号，0 或更大。");

    /// <summary>Run statuses as a word or two, for lists and headings.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> StatusNames = new Dictionary<string, LocalizedText>
    {
        ["queued"] = new("Queued", "排队中"),
        ["started"] = new("Running", "运行中"),
        ["completed"] = new("Completed", "已完成"),
        ["failed"] = new("Failed", "失败"),
        ["cancelled"] = new("Cancelled", "已取消"),
        ["timed-out"] = new("Timed out", "超时"),
        ["truncated"] = new("Truncated", "已截断"),
        ["interrupted"] = new("Interrupted", "已中断"),
    };

    /// <summary>Names of the home page's groups, by the order of their first lesson.</summary>
    public static readonly IReadOnlyList<(int FirstLesson, LocalizedText Name)> Groups =
    [
        (1, new("Foundations", "基础概念")),
        (3, new("Processes", "进程")),
        (7, new("Threads and locks", "线程与锁")),
        (14, new("Coroutines and async", "协程与异步")),
        (18, new("Putting it together", "融会贯通")),
    ];

    /// <summary>Text the browser client needs; sent with each page as JSON.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Client = new Dictionary<string, LocalizedText>
    {
        ["run"] = new("Run", "运行"),
        ["cancel"] = new("Cancel", "取消"),
        ["idle"] = new("Ready", "就绪"),
        ["connecting"] = new("Connecting…", "正在连接…"),
        ["reconnecting"] = new("Connection lost, reconnecting…", "连接中断，正在重新连接…"),
        ["queued"] = new("Queued #{0}", "排队中 #{0}"),
        ["started"] = new("Running {0}", "运行中 {0}"),
        ["completed"] = new("Completed in {0}", "已完成，用时 {0}"),
        ["failed"] = new("Failed: {0}", "失败：{0}"),
        ["cancelled"] = new("Cancelled", "已取消"),
        ["timed-out"] = new("Timed out: {0}", "超时：{0}"),
        ["truncated"] = new("Stopped: {0}", "已截断：{0}"),
        ["interrupted"] = new("Interrupted: {0}", "已中断：{0}"),
        ["error"] = new("Could not run: {0}", "无法运行：{0}"),
        ["noLanes"] = new("The timeline appears here when the demo runs.", "运行演示后，时间线会显示在这里。"),
        ["running"] = new("running", "运行"),
        ["ready"] = new("ready", "就绪"),
        ["blocked"] = new("blocked", "阻塞"),
        ["waiting"] = new("waiting", "等待"),
        ["sleeping"] = new("sleeping", "休眠"),
        ["io"] = new("I/O", "I/O"),
        ["done"] = new("done", "结束"),
        ["core"] = new("core", "核心"),
        ["timeline"] = new("Timeline", "时间线"),
        ["console"] = new("Console", "控制台"),
        ["fit"] = new("Fit", "全部显示"),
        ["zoomIn"] = new("Zoom in", "放大"),
        ["zoomOut"] = new("Zoom out", "缩小"),
        ["followLive"] = new("Follow live", "跟随最新"),
        ["tableView"] = new("Table", "表格"),
        ["exportTrace"] = new("Download trace (Perfetto)", "下载追踪文件（Perfetto）"),
        ["exportLog"] = new("Download log", "下载日志"),
        ["allLanes"] = new("All lanes", "全部泳道"),
        ["filterLane"] = new("Show lines of", "只看"),
        ["search"] = new("Search output", "搜索输出"),
        ["lane"] = new("Lane", "泳道"),
        ["state"] = new("State", "状态"),
        ["start"] = new("Start", "开始"),
        ["duration"] = new("Duration", "时长"),
        ["wokenBy"] = new("Woken by", "唤醒者"),
        ["max"] = new("max {0}", "最大 {0}"),
        ["copy"] = new("Copy", "复制"),
        ["copied"] = new("Copied", "已复制"),
        ["play"] = new("Play", "播放"),
        ["pause"] = new("Pause", "暂停"),
        ["loading"] = new("Loading the run…", "正在加载这次运行…"),
        ["openRun"] = new("Open this run (replay, share)", "打开这次运行（回放、分享）"),
        ["comparePrevious"] = new("Compare with the previous run", "与上一次运行对比"),
    };

    /// <summary>The client's text in one language.</summary>
    public static Dictionary<string, string> ClientIn(string language) =>
        Client.ToDictionary(p => p.Key, p => p.Value.In(language));
}
