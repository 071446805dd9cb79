namespace AgentMemory.Tests.Pipeline;

public sealed class InputHygieneTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    [Fact]
    public async Task SaveAsync_UserNamedDash_IsNotSeenByOtherUsers()
    {
        using var host = new MemoryTestHost();
        var dash = MemoryScope.ForUser("acme", "-");
        await host.Memory.SaveAsync(dash, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "My bank PIN hint is purple elephant" });

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = MemoryTestHost.Bob, Query = "bank PIN hint" });
        var context = await host.Memory.BuildContextAsync(new RecallRequest { Scope = MemoryTestHost.Bob, Query = "bank PIN hint" });

        hits.Should().BeEmpty();
        context.Text.Should().NotContain("purple");
        (await host.ListAsync(MemoryTestHost.Bob)).Should().BeEmpty();
        (await host.Memory.RecallAsync(new RecallRequest { Scope = dash, Query = "bank PIN hint" })).Should().ContainSingle();
    }

    [Fact]
    public async Task SaveAsync_LoneSurrogates_AreReplacedEverywhere()
    {
        using var host = new MemoryTestHost();

        var outcome = await host.Memory.SaveAsync(Alice, new MemoryCandidate
        {
            Kind = MemoryKind.Semantic,
            Text = "My favourite emoji is \uD83D",
            Context = "cut \uDE00 here",
            Topic = "emoji\uD800",
            Metadata = new Dictionary<string, string> { ["k\uDC00"] = "v\uD800" },
            Provenance = new MemoryProvenance(MemorySource.User, "Ann\uD800"),
        });

        var stored = (await host.Memory.GetAsync(Alice, outcome.Record!.Id))!;
        stored.Text.Should().Be("My favourite emoji is \uFFFD");
        stored.Context.Should().Be("cut \uFFFD here");
        stored.Metadata.Should().ContainKey("k\uFFFD").WhoseValue.Should().Be("v\uFFFD");
        stored.Provenance.Speaker.Should().Be("Ann\uFFFD");
    }

    [Fact]
    public async Task RecallAndUpdate_LoneSurrogates_DoNotThrow()
    {
        using var host = new MemoryTestHost();
        var outcome = await host.Memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user plays the cello." });

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "cello \uD83D", AdditionalQueries = ["instrument \uDC00"] });
        var updated = await host.Memory.UpdateAsync(Alice, outcome.Record!.Id, new MemoryUpdate { Text = "The user plays the cello \uD83D", Metadata = new Dictionary<string, string> { ["a"] = "\uDFFF" } });

        hits.Should().ContainSingle();
        updated.Text.Should().Be("The user plays the cello \uFFFD");
        updated.Metadata["a"].Should().Be("\uFFFD");
    }

    [Fact]
    public async Task RememberAsync_MessageCutMidEmoji_IsRemembered()
    {
        using var host = new MemoryTestHost();

        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian \uD83D")]);

        (await host.ListAsync(Alice)).Should().Contain(r => r.Text.Contains("vegetarian", StringComparison.Ordinal)).And.OnlyContain(r => !r.Text.Contains('\uD83D'));
    }

    [Fact]
    public async Task SaveAsync_NullOrOversizedFields_ThrowTypedErrorsAndStoreNothing()
    {
        using var host = new MemoryTestHost();
        var baseCandidate = new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user likes tea." };
        var cases = new (MemoryCandidate Candidate, MemoryValidationError Error)[]
        {
            (baseCandidate with { Metadata = null! }, MemoryValidationError.InvalidField),
            (baseCandidate with { Provenance = null! }, MemoryValidationError.InvalidField),
            (baseCandidate with { Metadata = new Dictionary<string, string> { ["k"] = new string('v', 100_000) } }, MemoryValidationError.LimitExceeded),
            (baseCandidate with { Provenance = new MemoryProvenance(MemorySource.Tool, new string('s', 100_000)) }, MemoryValidationError.LimitExceeded),
        };

        foreach (var (candidate, error) in cases)
        {
            var act = () => host.Memory.SaveAsync(Alice, candidate);
            (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(error);
        }

        (await host.ListAsync(Alice)).Should().BeEmpty();
    }

    [Fact]
    public async Task RecallAsync_OutOfLimits_ThrowsArgumentErrors()
    {
        using var host = new MemoryTestHost();

        await FluentActions.Awaiting(() => host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "tea", TopK = int.MaxValue })).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "tea", TopK = 0 })).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = new string('q', RecallRequest.MaxQueryLength + 1) })).Should().ThrowAsync<ArgumentException>().WithMessage("*at most*");
        await FluentActions.Awaiting(() => host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "tea", AdditionalQueries = [.. Enumerable.Repeat("q", RecallRequest.MaxAdditionalQueries + 1)] })).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "tea", AdditionalQueries = [new string('q', RecallRequest.MaxQueryLength + 1)] })).Should().ThrowAsync<ArgumentException>();
        (await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = new string('q', RecallRequest.MaxQueryLength), TopK = RecallRequest.MaxTopK })).Should().BeEmpty();
    }
}
