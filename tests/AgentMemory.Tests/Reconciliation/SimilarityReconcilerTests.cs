using AgentMemory.Embeddings;
using AgentMemory.Reconciliation;
using Microsoft.Extensions.Options;
using System.Numerics.Tensors;

namespace AgentMemory.Tests.Reconciliation;

public sealed class SimilarityReconcilerTests : IDisposable
{
    private static readonly MemoryScope Scope = MemoryScope.ForUser("acme", "alice");
    private readonly LocalEmbeddingGenerator _embedder = new();
    private readonly AgentMemoryOptions _options = new();

    public void Dispose() => _embedder.Dispose();

    private SimilarityReconciler Reconciler => new(new StaticOptionsMonitor(_options));

    private MemoryRecord Stored(string text, MemoryKind kind = MemoryKind.Semantic, string? topic = "personal", string? subject = null) => new()
    {
        Id = Guid.NewGuid(),
        Scope = Scope,
        Kind = kind,
        Text = text,
        Topic = topic,
        Embedding = _embedder.Embed(text),
        Provenance = MemoryProvenance.FromUser,
        Metadata = subject is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["subject"] = subject },
    };

    private Task<ReconciliationDecision> DecideAsync(MemoryCandidate candidate, params MemoryRecord[] stored)
    {
        var vector = _embedder.Embed(candidate.Text);
        var neighbours = stored.Select(r => new ScoredMemory(r, TensorPrimitives.Dot(vector, r.Embedding.Span))).ToList();
        return Reconciler.ReconcileAsync(new ReconciliationRequest(Scope, candidate, vector, neighbours));
    }

    [Fact]
    public async Task ReconcileAsync_NoNeighbours_Adds()
    {
        var decision = await DecideAsync(new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian." });

        decision.Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_SameFact_DoesNothing()
    {
        var existing = Stored("The user is vegetarian.", topic: "identity");

        var decision = await DecideAsync(new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian!", Topic = "identity" }, existing);

        decision.Action.Should().Be(ReconciliationAction.None);
        decision.TargetId.Should().Be(existing.Id);
    }

    [Fact]
    public async Task ReconcileAsync_SameSubjectNewValue_Supersedes()
    {
        var existing = Stored("The user's sister lives in Lyon.", topic: "family", subject: "user|sister|live");

        var decision = await DecideAsync(
            new MemoryCandidate
            {
                Kind = MemoryKind.Semantic,
                Text = "The user's sister lives in Berlin.",
                Topic = "family",
                Metadata = new Dictionary<string, string> { ["subject"] = "user|sister|live" },
            },
            existing);

        decision.Action.Should().Be(ReconciliationAction.Supersede);
        decision.TargetId.Should().Be(existing.Id);
        decision.Text.Should().Be("The user's sister lives in Berlin.");
    }

    [Fact]
    public async Task ReconcileAsync_DifferentFactSameTopic_Adds()
    {
        var existing = Stored("The user loves hiking.", topic: "preference");

        var decision = await DecideAsync(new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user loves jazz records.", Topic = "preference" }, existing);

        decision.Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_SimilarFactSameTopicInTheMiddleBand_Supersedes()
    {
        _options.Reconciliation.SupersedeThreshold = 0.5;
        var existing = Stored("Standing instruction from the user: answer in bullet points.", MemoryKind.Procedural, "response-format");

        var decision = await DecideAsync(
            new MemoryCandidate { Kind = MemoryKind.Procedural, Text = "Standing instruction from the user: answer in numbered points.", Topic = "response-format" },
            existing);

        decision.Action.Should().Be(ReconciliationAction.Supersede);
        decision.TargetId.Should().Be(existing.Id);
    }

    [Fact]
    public async Task ReconcileAsync_EpisodesAreNeverSuperseded()
    {
        _options.Reconciliation.SupersedeThreshold = 0.1;
        var existing = Stored("User: I went hiking on Sunday", MemoryKind.Episodic, "conversation");

        var decision = await DecideAsync(new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I went hiking on Monday", Topic = "conversation" }, existing);

        decision.Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_DuplicateThresholdIsConfigurable()
    {
        var existing = Stored("The user loves hiking in the Alps.", topic: "preference");
        var candidate = new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user loves hiking in the Pyrenees.", Topic = "preference" };
        _options.Reconciliation.SupersedeThreshold = 0.2;
        _options.Reconciliation.DuplicateThreshold = 0.3;

        (await DecideAsync(candidate, existing)).Action.Should().Be(ReconciliationAction.None);

        _options.Reconciliation.DuplicateThreshold = 0.99;
        (await DecideAsync(candidate, existing)).Action.Should().Be(ReconciliationAction.Supersede);
    }

    [Fact]
    public async Task ReconcileAsync_UserStatesAChangeOfAHeldFact_SupersedesIt()
    {
        var existing = Stored("The user's manager is Tom.", subject: "user|manager|is");
        var said = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: Tom retired, my new manager is Aisha.", Provenance = MemoryProvenance.FromUser };

        var decision = await DecideAsync(said, existing);

        decision.Action.Should().Be(ReconciliationAction.Supersede);
        decision.TargetId.Should().Be(existing.Id);
    }

    [Fact]
    public async Task ReconcileAsync_SameSubjectStatementThatIsNotAChange_Adds()
    {
        var existing = Stored("The user lives in Madrid.", topic: "home", subject: "user|live");
        var visit = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I visited Berlin last week, it was great.", Provenance = MemoryProvenance.FromUser };
        var plan = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: If I moved to Berlin I would live in Kreuzberg now.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(visit, existing)).Action.Should().Be(ReconciliationAction.Add);
        (await DecideAsync(plan, existing)).Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_ChangeAboutSomeoneElsesAttribute_Adds()
    {
        var existing = Stored("The user's phone number is 555-0142.", subject: "user|phone number|is");
        var other = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: My daughter's new number is 555-0177.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(other, existing)).Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_AnotherNumberForTheSameThing_SupersedesIt()
    {
        var existing = Stored("The user works 40 hours a week.");
        var said = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I cut down to 32 hours a week.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(said, existing)).Action.Should().Be(ReconciliationAction.Supersede);
    }

    [Fact]
    public async Task ReconcileAsync_ChangeCueFromATool_DoesNotSupersede()
    {
        var existing = Stored("The user's manager is Tom.", subject: "user|manager|is");
        var tool = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "Tool: Tom retired, the new manager is Aisha.", Provenance = new MemoryProvenance(MemorySource.Tool) };

        (await DecideAsync(tool, existing)).Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_ChangeOfWhatTheUserOnlySaidAsAnEpisode_SupersedesTheEpisode()
    {
        var said = Stored("User: I ride a Yamaha motorbike to work.", MemoryKind.Episodic, "conversation") with { Provenance = new MemoryProvenance(MemorySource.User, "User") };
        var change = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I sold the Yamaha motorbike, I take the train to work now.", Provenance = new MemoryProvenance(MemorySource.User, "User") };

        var decision = await DecideAsync(change, said);

        decision.Action.Should().Be(ReconciliationAction.Supersede);
        decision.TargetId.Should().Be(said.Id);
    }

    [Fact]
    public async Task ReconcileAsync_ChangeCueBetweenNamedSpeakers_LeavesTheEpisode()
    {
        var said = Stored("Caroline: I ride a Yamaha motorbike to work.", MemoryKind.Episodic, "conversation") with { Provenance = new MemoryProvenance(MemorySource.User, "Caroline") };
        var change = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "Caroline: I sold the Yamaha motorbike, I take the train to work now.", Provenance = new MemoryProvenance(MemorySource.User, "Caroline") };

        (await DecideAsync(change, said)).Action.Should().Be(ReconciliationAction.Add, "a recorded dialogue's events are not the chat user's facts");
    }

    [Fact]
    public async Task ReconcileAsync_CorrectionNamingPartOfTheAttribute_SupersedesTheFact()
    {
        var existing = Stored("The user's licence plate is AB12 CDE.", subject: "user|licence plate|is");
        var correction = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I gave you the wrong plate, it is AB12 CDF.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(correction, existing)).Action.Should().Be(ReconciliationAction.Supersede);
    }

    [Fact]
    public async Task ReconcileAsync_MoveWithNoPlaceInCommon_SupersedesWhereTheUserLives()
    {
        _options.Reconciliation.ChangeThreshold = 0;
        var existing = Stored("The user lives in Austin.", subject: "user|live");
        var move = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: We relocated to Denver for my wife's job.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(move, existing)).Action.Should().Be(ReconciliationAction.Supersede);
    }

    [Fact]
    public async Task ReconcileAsync_VisitWithNoPlaceInCommon_Adds()
    {
        _options.Reconciliation.ChangeThreshold = 0;
        var existing = Stored("The user lives in Austin.", subject: "user|live");
        var visit = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I moved around Denver a lot while visiting friends.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(visit, existing)).Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_SomeoneElsesMove_Adds()
    {
        _options.Reconciliation.ChangeThreshold = 0;
        var existing = Stored("The user lives in Austin.", subject: "user|live");
        var move = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: My sister relocated to Denver for her job.", Provenance = MemoryProvenance.FromUser };

        (await DecideAsync(move, existing)).Action.Should().Be(ReconciliationAction.Add);
    }

    [Fact]
    public async Task ReconcileAsync_SomeoneElsesNewNumberAfterTheUsersOwnEpisode_Adds()
    {
        var said = Stored("User: My phone number is 555-0142.", MemoryKind.Episodic, "conversation") with { Provenance = new MemoryProvenance(MemorySource.User, "User") };
        var other = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: My daughter's new number is 555-0177.", Provenance = new MemoryProvenance(MemorySource.User, "User") };

        (await DecideAsync(other, said)).Action.Should().Be(ReconciliationAction.Add);
    }
}
