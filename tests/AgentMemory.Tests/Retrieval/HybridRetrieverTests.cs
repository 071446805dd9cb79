using AgentMemory.Retrieval;
using FluentAssertions;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Retrieval;

public sealed class HybridRetrieverTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero); // a Saturday

    [Fact]
    public async Task RetrieveAsync_LexicalAndVectorMatch_RanksRelevantFirstWithExplanation()
    {
        var f = new RetrieverFixture();
        await f.AddAsync("Caroline went to the LGBTQ support group on Tuesday.");
        var target = await f.AddAsync("Melanie painted a sunrise over the lake last summer.");
        await f.AddAsync("The weather was rainy all weekend.");

        var hits = await f.RecallAsync("What did Melanie paint?");

        hits[0].Record.Id.Should().Be(target.Id);
        hits[0].Components.Select(c => c.Name).Should().Contain("lexical").And.Contain("vector");
        hits[0].Explain().Should().Contain("lexical=");
    }

    [Fact]
    public async Task RetrieveAsync_WithoutEmbeddings_UsesLexicalOnly()
    {
        var f = new RetrieverFixture(embeddings: false);
        var target = await f.AddAsync("The quarterly budget review moved to Thursday.");
        await f.AddAsync("We adopted a kitten named Miso.");

        var hits = await f.RecallAsync("budget review");

        hits.Should().ContainSingle().Which.Record.Id.Should().Be(target.Id);
        hits[0].Components.Select(c => c.Name).Should().NotContain("vector");
    }

    [Theory]
    [InlineData(nameof(FusionMode.ReciprocalRank))]
    [InlineData(nameof(FusionMode.WeightedScore))]
    public async Task RetrieveAsync_BothFusionModes_ScoreTopHitWithinUnitRange(string modeName)
    {
        var mode = Enum.Parse<FusionMode>(modeName);

        var f = new RetrieverFixture(configure: o => { o.Fusion = mode; o.FreshnessWeight = 0; o.ImportanceWeight = 0; });
        await f.AddAsync("Caroline adopted a golden retriever puppy.");
        await f.AddAsync("Melanie started pottery classes.");

        var hits = await f.RecallAsync("golden retriever puppy");

        hits[0].Record.Text.Should().Contain("retriever");
        hits[0].Score.Should().BeInRange(0.5, 1.0001);
    }

    [Fact]
    public async Task RetrieveAsync_QuestionNamesLastWeek_BoostsMemoryFromThatWeek()
    {
        var f = new RetrieverFixture(Now);
        var old = await f.AddAsync("I went hiking with my brother at the beach.", occurredAt: Now.AddDays(-60));
        var recent = await f.AddAsync("I went hiking with my brother in the mountains.", occurredAt: new DateTimeOffset(2024, 6, 5, 9, 0, 0, TimeSpan.Zero));

        var hits = await f.RecallAsync("Where did I go hiking with my brother last week?");

        hits[0].Record.Id.Should().Be(recent.Id);
        hits[0].Components.Should().Contain(c => c.Name == "time-window");
        hits.Single(h => h.Record.Id == old.Id).Components.Should().NotContain(c => c.Name == "time-window");
    }

    [Fact]
    public async Task RetrieveAsync_QuestionNamesMonth_BoostsMemoryFromThatMonthOnly()
    {
        var f = new RetrieverFixture(Now, o => o.FreshnessWeight = 0);
        var may = await f.AddAsync("We had dinner at the Italian place downtown.", occurredAt: new DateTimeOffset(2024, 5, 20, 19, 0, 0, TimeSpan.Zero));
        await f.AddAsync("We had dinner at the Italian place near the station.", occurredAt: new DateTimeOffset(2024, 6, 10, 19, 0, 0, TimeSpan.Zero));

        var hits = await f.RecallAsync("Where did we have Italian dinner in May?");

        hits[0].Record.Id.Should().Be(may.Id);
    }

    [Fact]
    public async Task RetrieveAsync_BeforeAnEvent_BoostsMemoriesBeforeTheEventsDate()
    {
        var f = new RetrieverFixture(Now, o => o.FreshnessWeight = 0);
        await f.AddAsync("Our trip to Japan started in Tokyo.", occurredAt: new DateTimeOffset(2024, 4, 10, 0, 0, 0, TimeSpan.Zero));
        var boots = await f.AddAsync("I purchased hiking boots.", occurredAt: new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await f.AddAsync("I purchased a kimono.", occurredAt: new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));

        var hits = await f.RecallAsync("What did I purchase before the trip to Japan?");

        hits.First(h => h.Record.Text.Contains("purchased", StringComparison.Ordinal)).Record.Id.Should().Be(boots.Id);
    }

    [Fact]
    public async Task RetrieveAsync_WhenQuestion_PrefersDatedEpisodicMemory()
    {
        var f = new RetrieverFixture(Now, o => { o.Diversity = DiversityMode.None; o.FreshnessWeight = 0; });
        await f.AddAsync("Caroline moved to Boston.", MemoryKind.Semantic);
        var dated = await f.AddAsync("Caroline moved to Boston.", occurredAt: Now.AddDays(-300));

        var hits = await f.RecallAsync("When did Caroline move to Boston?");

        hits[0].Record.Id.Should().Be(dated.Id);
        hits[0].Components.Should().Contain(c => c.Name == "when");
    }

    [Fact]
    public async Task RetrieveAsync_QuestionNamesSpeaker_PrefersThatSpeakersMemory()
    {
        var f = new RetrieverFixture(Now, o => o.Diversity = DiversityMode.None);
        await f.AddAsync("I love painting landscapes on weekends.", speaker: "Caroline", occurredAt: Now.AddDays(-2));
        var melanie = await f.AddAsync("I love painting landscapes on weekends.", speaker: "Melanie", occurredAt: Now.AddDays(-2));

        var hits = await f.RecallAsync("What does Melanie love painting?");

        hits[0].Record.Id.Should().Be(melanie.Id);
        hits[0].Components.Should().Contain(c => c.Name == "speaker");
        hits[1].Components.Should().NotContain(c => c.Name == "speaker");
    }

    [Fact]
    public async Task RetrieveAsync_SummaryRequest_SurfacesFormattingProcedureSharingNoWords()
    {
        var f = new RetrieverFixture(Now);
        await f.AddAsync("The quarterly report shows revenue grew eight percent.");
        var rule = await f.AddAsync("Use bullet points, at most five, no preamble.", MemoryKind.Procedural, topic: "formatting");

        var hits = await f.RecallAsync("Summarise the quarterly report for me");

        hits.Select(h => h.Record.Id).Should().Contain(rule.Id);
        hits.Single(h => h.Record.Id == rule.Id).Components.Should().Contain(c => c.Name == "task-type");
    }

    [Fact]
    public async Task RetrieveAsync_NoTaskTypeInRequest_DoesNotSurfaceUnrelatedProcedure()
    {
        var f = new RetrieverFixture(Now, embeddings: false);
        await f.AddAsync("Use bullet points, at most five, no preamble.", MemoryKind.Procedural, topic: "formatting");

        var hits = await f.RecallAsync("good morning");

        hits.Should().BeEmpty();
    }

    [Fact]
    public async Task RetrieveAsync_NearDuplicates_AreRemovedByDefaultAndKeptWhenDisabled()
    {
        var dedupe = new RetrieverFixture(Now);
        var keep = new RetrieverFixture(Now, o => o.Diversity = DiversityMode.None);
        foreach (var f in new[] { dedupe, keep })
        {
            await f.AddAsync("Caroline's favourite book is Becoming by Michelle Obama.");
            await f.AddAsync("Caroline's favourite book is Becoming by Michelle Obama.");
            await f.AddAsync("Caroline read a book about adoption.");
        }

        (await dedupe.RecallAsync("Caroline favourite book")).Count(h => h.Record.Text.Contains("Becoming", StringComparison.Ordinal)).Should().Be(1);
        (await keep.RecallAsync("Caroline favourite book")).Count(h => h.Record.Text.Contains("Becoming", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task RetrieveAsync_Mmr_KeepsDistinctHitsAndDropsDuplicates()
    {
        var f = new RetrieverFixture(Now, o => o.Diversity = DiversityMode.Mmr);
        await f.AddAsync("Caroline's favourite book is Becoming by Michelle Obama.");
        await f.AddAsync("Caroline's favourite book is Becoming by Michelle Obama.");
        await f.AddAsync("Caroline read a book about adoption.");

        var hits = await f.RecallAsync("Caroline book");

        hits.Should().HaveCount(2);
        hits.Select(h => h.Record.Text).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task RetrieveAsync_Freshness_PrefersNewerAmongEquals_AndIsOffAtWeightZero()
    {
        var fresh = new RetrieverFixture(Now, o => { o.Diversity = DiversityMode.None; o.FreshnessHalfLife = TimeSpan.FromDays(30); });
        await fresh.AddAsync("My coffee order is an oat latte.", occurredAt: Now.AddDays(-200));
        var newer = await fresh.AddAsync("My coffee order is an oat latte.", occurredAt: Now.AddDays(-1));
        var hits = await fresh.RecallAsync("coffee order");
        hits[0].Record.Id.Should().Be(newer.Id);
        hits[0].Score.Should().BeGreaterThan(hits[1].Score);
        hits[1].Components.Should().Contain(c => c.Name == "freshness" && c.Weight < hits[0].Components.First(x => x.Name == "freshness").Weight);

        var flat = new RetrieverFixture(Now, o => { o.Diversity = DiversityMode.None; o.FreshnessWeight = 0; o.Fusion = FusionMode.WeightedScore; });
        await flat.AddAsync("My coffee order is an oat latte.", occurredAt: Now.AddDays(-200));
        await flat.AddAsync("My coffee order is an oat latte.", occurredAt: Now.AddDays(-1));
        var flatHits = await flat.RecallAsync("coffee order");
        flatHits[0].Score.Should().BeApproximately(flatHits[1].Score, 1e-9);
    }

    [Fact]
    public async Task RetrieveAsync_Importance_RaisesTheMoreImportantOfEquals()
    {
        var f = new RetrieverFixture(Now, o => { o.Diversity = DiversityMode.None; o.Fusion = FusionMode.WeightedScore; });
        await f.AddAsync("Allergic to peanuts.", importance: 0.2, occurredAt: Now);
        var important = await f.AddAsync("Allergic to peanuts.", importance: 0.9, occurredAt: Now);

        var hits = await f.RecallAsync("peanuts allergy");

        hits[0].Record.Id.Should().Be(important.Id);
    }

    [Fact]
    public async Task RetrieveAsync_KindWeightZero_DropsThatKindBelowMinScore()
    {
        var f = new RetrieverFixture(Now, o => o.KindWeights[MemoryKind.Semantic] = 0);
        await f.AddAsync("The user's dog is called Rex.", MemoryKind.Semantic);
        var episodic = await f.AddAsync("Walked the dog Rex in the park.", occurredAt: Now);

        var hits = await f.RecallAsync("dog Rex", minScore: 0.0001);

        hits.Should().ContainSingle().Which.Record.Id.Should().Be(episodic.Id);
    }

    [Fact]
    public async Task RetrieveAsync_TopK_LimitsHits()
    {
        var f = new RetrieverFixture(Now);
        for (var i = 0; i < 10; i++)
        {
            await f.AddAsync($"Note {i}: tennis practice number {i * 7} went well.");
        }

        (await f.RecallAsync("tennis practice", topK: 3)).Should().HaveCount(3);
    }

    [Fact]
    public async Task RetrieveAsync_ContextDependentQuery_ExpandsFromRecentMessages()
    {
        var f = new RetrieverFixture(Now, embeddings: false, expanders: new ConversationQueryExpander());
        var hotel = await f.AddAsync("Stayed at Hotel Adlon in Berlin, room with a view of the gate.");
        await f.AddAsync("Ordered pizza on Friday.");
        ChatMessage[] recent =
        [
            new(ChatRole.User, "I'm going to Berlin again next month."),
            new(ChatRole.Assistant, "Nice! Shall I look at the Adlon hotel?"),
        ];

        var without = await f.RecallAsync("book the same as last time");
        var with = await f.RecallAsync("book the same as last time", recent: recent);

        without.Should().NotContain(h => h.Record.Id == hotel.Id);
        with[0].Record.Id.Should().Be(hotel.Id);
        with[0].Components.Should().Contain(c => c.Name.StartsWith("expansion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetrieveAsync_NullRequest_Throws()
    {
        var f = new RetrieverFixture();
        var act = () => f.Retriever.RetrieveAsync(null!);
        await act.Should().ThrowAsync<ArgumentNullException>();
    }
}
