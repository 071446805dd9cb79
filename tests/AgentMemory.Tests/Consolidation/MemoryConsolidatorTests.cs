using AgentMemory.Consolidation;
using AgentMemory.Formation;
using AgentMemory.Tests.Pipeline;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AgentMemory.Tests.Consolidation;

public sealed class MemoryConsolidatorTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;
    private static readonly MemoryScope Bob = MemoryTestHost.Bob;

    [Fact]
    public async Task ConsolidateAsync_NearDuplicatesOnTwoDays_MergesIntoOlderAndPromotes()
    {
        using var host = new MemoryTestHost();
        var older = await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0], importance: 0.4);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var newer = await AddAsync(host, Alice, "The user really likes green tea.", [0.99f, 0.1f, 0, 0], importance: 0.7);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Should().Be(new ConsolidationResult(Alice, Compared: 1, Merged: 1, Promoted: 1, Complete: true));
        var current = await CurrentAsync(host, Alice);
        current.Should().ContainSingle().Which.Id.Should().Be(older.Id);
        var survivor = current[0];
        survivor.Importance.Should().BeApproximately(0.75, 1e-9);
        survivor.Metadata[MemoryConsolidation.ConfirmationsKey].Should().Be("2");
        survivor.Metadata[MemoryConsolidation.MergedFromKey].Should().Be(newer.Id.ToString("D"));
        var closed = await host.Store.GetAsync(Alice, newer.Id);
        closed.Should().NotBeNull();
        closed!.IsSuperseded.Should().BeTrue();
        MemoryTimeline.Link(closed, MemoryTimeline.SupersededByKey).Should().Be(older.Id);
    }

    [Fact]
    public async Task ConsolidateAsync_SameDayDuplicate_MergesWithoutPromotion()
    {
        using var host = new MemoryTestHost();
        var older = await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0], importance: 0.4);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await AddAsync(host, Alice, "The user likes green tea a lot.", [1, 0.05f, 0, 0], importance: 0.6);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Merged.Should().Be(1);
        result.Promoted.Should().Be(0);
        var survivor = (await CurrentAsync(host, Alice)).Should().ContainSingle().Subject;
        survivor.Id.Should().Be(older.Id);
        survivor.Importance.Should().BeApproximately(0.6, 1e-9);
        survivor.Metadata[MemoryConsolidation.ConfirmationsKey].Should().Be("1");
    }

    [Fact]
    public async Task ConsolidateAsync_DistinctFacts_LeavesThem()
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        await AddAsync(host, Alice, "The user works as a nurse.", [0, 1, 0, 0]);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Should().Be(new ConsolidationResult(Alice, Compared: 1, Merged: 0, Promoted: 0, Complete: true));
        (await CurrentAsync(host, Alice)).Should().HaveCount(2).And.OnlyContain(r => r.Version == 1);
    }

    [Theory]
    [InlineData("The user lives in Madrid.", "The user lives in Berlin.")]
    [InlineData("The user's phone number is 555 0101.", "The user's phone number is 555 0199.")]
    [InlineData("The user drinks coffee.", "The user does not drink coffee.")]
    public async Task ConsolidateAsync_SimilarTextsWithAnotherValue_LeavesThem(string first, string second)
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, first, [1, 0, 0, 0]);
        await AddAsync(host, Alice, second, [1, 0, 0, 0]);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Merged.Should().Be(0);
        (await CurrentAsync(host, Alice)).Should().HaveCount(2);
    }

    [Fact]
    public async Task ConsolidateAsync_DuplicateInAnotherScope_NeverTouchesIt()
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        var bobs = await AddAsync(host, Bob, "The user likes green tea.", [1, 0, 0, 0]);
        var session = await AddAsync(host, Alice.WithSession("s1"), "The user likes green tea.", [1, 0, 0, 0]);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Merged.Should().Be(0);
        result.Compared.Should().Be(0);
        (await host.Store.GetAsync(Bob, bobs.Id))!.Version.Should().Be(1);
        (await host.Store.GetAsync(Alice.WithSession("s1"), session.Id))!.Version.Should().Be(1);
    }

    [Theory]
    [InlineData(MemoryKind.Episodic)]
    [InlineData(MemoryKind.Procedural)]
    public async Task ConsolidateAsync_DuplicatesOfOtherKinds_LeavesThem(MemoryKind kind)
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, "User: I had green tea this morning.", [1, 0, 0, 0], kind: kind);
        await AddAsync(host, Alice, "User: I had green tea this morning.", [1, 0, 0, 0], kind: kind);

        var result = await Consolidator(host).ConsolidateAsync(Alice);

        result.Compared.Should().Be(0);
        (await CurrentAsync(host, Alice, kind)).Should().HaveCount(2).And.OnlyContain(r => r.Version == 1);
    }

    [Fact]
    public async Task ConsolidateAsync_MergeBoundReached_StopsUntilNextDay()
    {
        using var host = new MemoryTestHost(o => o.Consolidation.MaxMergesPerDay = 1);
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        await AddAsync(host, Alice, "The user likes green tea a lot.", [1, 0.05f, 0, 0]);
        await AddAsync(host, Alice, "The user really likes green tea.", [1, 0.1f, 0, 0]);
        var consolidator = Consolidator(host);

        var first = await consolidator.ConsolidateAsync(Alice);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var sameDay = await consolidator.ConsolidateAsync(Alice);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await consolidator.ConsolidateAsync(Alice);

        first.Merged.Should().Be(1);
        first.Complete.Should().BeFalse();
        sameDay.Merged.Should().Be(0);
        sameDay.Compared.Should().Be(0);
        nextDay.Merged.Should().Be(1);
        (await CurrentAsync(host, Alice)).Should().ContainSingle();
    }

    [Fact]
    public async Task ConsolidateAsync_ComparisonBoundReached_StopsIncomplete()
    {
        using var host = new MemoryTestHost(o => o.Consolidation.MaxComparisonsPerDay = 2);
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        await AddAsync(host, Alice, "The user works as a nurse.", [0, 1, 0, 0]);
        await AddAsync(host, Alice, "The user has a cat.", [0, 0, 1, 0]);

        var first = await Consolidator(host).ConsolidateAsync(Alice);
        var second = await Consolidator(host).ConsolidateAsync(Alice);

        first.Compared.Should().Be(2);
        first.Complete.Should().BeFalse();
        second.Compared.Should().Be(0);
    }

    [Fact]
    public async Task ConsolidateAsync_Merge_HistoryAndAuditShowIt()
    {
        using var host = new MemoryTestHost();
        var older = await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await AddAsync(host, Alice, "The user likes green tea a lot.", [1, 0.05f, 0, 0]);

        await Consolidator(host).ConsolidateAsync(Alice);

        var closedHistory = await host.Store.GetHistoryAsync(Alice, newer.Id);
        closedHistory.Should().Contain(e => e.Change == MemoryChangeKind.Superseded && e.Reason == MemoryConsolidation.MergedReason);
        var survivorHistory = await host.Store.GetHistoryAsync(Alice, older.Id);
        survivorHistory.Should().Contain(e => e.Change == MemoryChangeKind.Updated && e.Reason == MemoryConsolidation.SurvivorReason);
        var audit = new List<AuditEntry>();
        await foreach (var entry in host.Store.QueryAuditAsync(new AuditQuery { Scope = Alice, Actions = new HashSet<AuditAction> { AuditAction.Consolidated } }))
        {
            audit.Add(entry);
        }

        audit.Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Count == 1 && e.Detail == "merged=1;promoted=0;complete=1");
    }

    [Fact]
    public async Task ConsolidateAsync_SecondRun_IsNoOp()
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        await AddAsync(host, Alice, "The user likes green tea a lot.", [1, 0.05f, 0, 0]);
        await AddAsync(host, Alice, "The user works as a nurse.", [0, 1, 0, 0]);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var consolidator = Consolidator(host);
        var first = await consolidator.ConsolidateAsync(Alice);
        var before = await CurrentAsync(host, Alice);
        host.Clock.Advance(TimeSpan.FromHours(1));

        var second = await consolidator.ConsolidateAsync(Alice);

        first.Merged.Should().Be(1);
        second.Merged.Should().Be(0);
        (await CurrentAsync(host, Alice)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task ConsolidateAsync_Cancelled_Throws()
    {
        using var host = new MemoryTestHost();
        await AddAsync(host, Alice, "The user likes green tea.", [1, 0, 0, 0]);
        await AddAsync(host, Alice, "The user likes green tea a lot.", [1, 0.05f, 0, 0]);

        var act = () => Consolidator(host).ConsolidateAsync(Alice, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await CurrentAsync(host, Alice)).Should().HaveCount(2);
    }

    [Fact]
    public async Task ConsolidateFormedScopesAsync_AfterFormation_MergesInTheFormedScope()
    {
        using var host = new MemoryTestHost(o => o.Formation.Mode = FormationMode.Background);
        await host.Memory.RememberAsync(Alice.WithSession("s1"), [MemoryTestHost.User("I love hiking in the mountains.")]);
        await host.Pump.DrainAsync();
        var formed = await CurrentAsync(host, Alice);
        formed.Should().NotBeEmpty();
        await AddAsync(host, Alice, formed[0].Text, formed[0].Embedding.ToArray());
        var pump = host.Provider.GetRequiredService<FormationPump>();

        var merged = await pump.ConsolidateFormedScopesAsync();

        merged.Should().Be(1);
        (await CurrentAsync(host, Alice)).Should().HaveCount(formed.Count);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void AddAgentMemory_ConsolidationBoundsNotPositive_FailsValidation(int comparisons, int merges)
    {
        using var host = new MemoryTestHost(o =>
        {
            o.Consolidation.MaxComparisonsPerDay = comparisons;
            o.Consolidation.MaxMergesPerDay = merges;
        });

        var act = () => host.Provider.GetRequiredService<IOptionsMonitor<AgentMemoryOptions>>().CurrentValue;

        act.Should().Throw<OptionsValidationException>().WithMessage("*Consolidation*");
    }

    private static IMemoryConsolidator Consolidator(MemoryTestHost host) => host.Provider.GetRequiredService<IMemoryConsolidator>();

    private static async Task<MemoryRecord> AddAsync(MemoryTestHost host, MemoryScope scope, string text, float[] vector, MemoryKind kind = MemoryKind.Semantic, double importance = 0.5)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return await host.Store.AddAsync(new MemoryRecord
        {
            Id = Guid.NewGuid(),
            Scope = scope,
            Kind = kind,
            Text = text,
            Embedding = vector.Select(v => v / norm).ToArray(),
            Importance = importance,
        });
    }

    private static async Task<List<MemoryRecord>> CurrentAsync(MemoryTestHost host, MemoryScope scope, MemoryKind kind = MemoryKind.Semantic)
    {
        var list = new List<MemoryRecord>();
        await foreach (var record in host.Store.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Exact, Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { kind } } }))
        {
            list.Add(record);
        }

        return list;
    }
}
