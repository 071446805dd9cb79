namespace AgentMemory.Samples.Tests;

/// <summary>Each console sample runs to its end offline and shows what it exists to show.</summary>
public sealed class ConsoleSampleTests
{
    private static string Between(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"the output should contain \"{start}\":\n{text}");
        var to = end is null ? -1 : text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }

    private static void ShouldHaveSucceeded(SampleRun run)
    {
        run.ExitCode.Should().Be(0, $"the sample should end normally; stderr:\n{run.Error}\nstdout:\n{run.Output}");
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task QuickStart_FirstAndSecondRun_RecallTheDietAndTheSisterForTheSecondSession()
    {
        using var directory = new SampleDirectory();

        var first = await SampleProcess.RunAsync("QuickStart", directory.Path);
        var second = await SampleProcess.RunAsync("QuickStart", directory.Path);

        ShouldHaveSucceeded(first);
        var remembered = Between(first.Output, "Remembered about Alice:", "SESSION 2");
        remembered.Should().Contain("The user is vegetarian.").And.Contain("The user's sister lives in Lyon.").And.Contain("answer in bullet points");
        foreach (var run in new[] { first, second })
        {
            var recalled = Between(run.Output, "Recalled (score = parts):", "System prompt");
            recalled.Should().Contain("vegetarian").And.Contain("sister lives in Lyon");
            Between(run.Output, "System prompt", null).Should().Contain("vegetarian").And.Contain("Lyon");
        }

        ShouldHaveSucceeded(second);
        second.Output.Should().Contain("already remembered in quickstart.db");
    }

    [Fact]
    public async Task ChatClientMiddleware_SecondTurn_CarriesTheSisterInLyonMemory()
    {
        using var directory = new SampleDirectory();

        var run = await SampleProcess.RunAsync("ChatClientMiddleware", directory.Path);

        ShouldHaveSucceeded(run);
        var secondTurn = Between(run.Output, "> Any dinner ideas", null);
        secondTurn.Should().Contain("My prompt carried this memory block").And.Contain("sister lives in Lyon").And.Contain("vegetarian");
    }

    [Fact]
    public async Task AgentFrameworkAgent_NewSession_IsGivenTheMarathonAndTheBulletPointRule()
    {
        using var directory = new SampleDirectory();

        var run = await SampleProcess.RunAsync("AgentFrameworkAgent", directory.Path);

        ShouldHaveSucceeded(run);
        var secondTurn = Between(run.Output, "> How should I", null);
        secondTurn.Should().Contain("My prompt carried this memory block").And.Contain("Lisbon marathon").And.Contain("bullet points");
        // The reply itself (the line after the question), not the recalled memories, which may quote the first session's reply.
        secondTurn.Split('\n')[1].Should().NotContain("I was given no memories");
    }

    [Fact]
    public async Task ChatWithMemory_Offline_StoresWhatTheUserSaidAboutThemselvesAndRecallsTheJob()
    {
        using var directory = new SampleDirectory();
        var script = string.Join('\n',
            "Hi there!",
            "I work as a software engineer at a bank.",
            "I'm allergic to shellfish.",
            "What is my job?",
            "exit",
            "thanks",
            "/memories",
            "");

        var run = await SampleProcess.RunAsync("ChatWithMemory", directory.Path, script, new Dictionary<string, string> { ["AGENTMEMORY_DB"] = Path.Combine(directory.Path, "chat.db") });

        ShouldHaveSucceeded(run);
        run.Output.Should().Contain("running offline");
        // The output is a header, then one reply per input line, each after a "> " prompt.
        var replies = ("\n" + run.Output.Replace("\r\n", "\n", StringComparison.Ordinal)).Split("\n> ");
        var answer = replies[4];
        answer.Should().Contain("The user works as a software engineer at a bank.");
        var memories = replies[7];
        memories.Should().Contain("[Semantic, work] The user works as a software engineer at a bank.");
        memories.Should().Contain("[Semantic, health] The user is allergic to shellfish.");
        memories.Should().NotContain("What is my job").And.NotContain("exit").And.NotContain("Hi there").And.NotContain("thanks").And.NotContain("(offline)");
    }
}
