namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>The counts behind one row of the facts-over-time report.</summary>
internal sealed class FactsOverTimeTally
{
    public int Questions { get; set; }
    public int CurrentFirst { get; set; }
    public int ChangeQuestions { get; set; }
    public int StaleInTop3 { get; set; }
    public int StaleSemanticInTop3 { get; set; }
    public int ChangeItems { get; set; }
    public int StaleSemanticListed { get; set; }
    public int NonChangeItems { get; set; }
    public int NonChangeFormed { get; set; }
    public int NonChangeSuperseded { get; set; }
    public int AsOfQuestions { get; set; }
    public int AsOfExpectedFirst { get; set; }
    public int AsOfUnsupported { get; set; }

    public static double Share(int count, int of) => of == 0 ? 0 : 100.0 * count / of;

    public Dictionary<string, object> ToJson() => new()
    {
        ["questions"] = Questions,
        ["currentFirst"] = CurrentFirst,
        ["changeQuestions"] = ChangeQuestions,
        ["staleInTop3"] = StaleInTop3,
        ["staleSemanticInTop3"] = StaleSemanticInTop3,
        ["changeItems"] = ChangeItems,
        ["staleSemanticStillListed"] = StaleSemanticListed,
        ["nonChangeItems"] = NonChangeItems,
        ["nonChangeFormed"] = NonChangeFormed,
        ["nonChangeWronglySuperseded"] = NonChangeSuperseded,
        ["asOfQuestions"] = AsOfQuestions,
        ["asOfExpectedFirst"] = AsOfExpectedFirst,
        ["asOfNotSupported"] = AsOfUnsupported,
    };
}
