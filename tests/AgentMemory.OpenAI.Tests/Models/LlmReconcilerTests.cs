using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.OpenAI.Tests.Fakes;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed class LlmReconcilerTests : FakeServerTestBase
{
    private static MemoryRecord Stored(string text, string? topic = null, IReadOnlyDictionary<string, string>? metadata = null) => new()
    {
        Id = Guid.NewGuid(),
        Scope = Scope,
        Kind = MemoryKind.Semantic,
        Text = text,
        Topic = topic,
        CreatedAt = Now.AddDays(-30),
        UpdatedAt = Now.AddDays(-30),
        Metadata = metadata ?? new Dictionary<string, string>(),
    };

    private static ReconciliationRequest Request(string candidate, params MemoryRecord[] neighbours) => new(
        Scope,
        new MemoryCandidate { Kind = MemoryKind.Semantic, Text = candidate, Topic = "home" },
        new float[] { 1, 0, 0 },
        neighbours.Select((r, i) => new ScoredMemory(r, 0.9 - (i * 0.1))).ToList());

    [Fact]
    public async Task ReconcileAsync_Supersede_MapsShortIdToNeighbourAndNeverSendsGuids()
    {
        var a = Stored("The user likes jazz.");
        var b = Stored("The user lives in Paris.", "home");
        Server.ReplyChatJson(new { action = "supersede", memoryId = 2, text = "The user lives in Lyon.", reason = "moved" });

        var decision = await Reconciler().ReconcileAsync(Request("The user moved to Lyon.", a, b));

        decision.Action.Should().Be(ReconciliationAction.Supersede);
        decision.TargetId.Should().Be(b.Id);
        decision.Text.Should().Be("The user lives in Lyon.");
        var request = Server.ChatRequests.Single();
        request.Prompt.Should().Contain("1. (semantic, updated 2026-02-12) The user likes jazz.")
            .And.Contain("2. (semantic, topic home, updated 2026-02-12) The user lives in Paris.")
            .And.Contain("New memory (semantic, topic home): The user moved to Lyon.")
            .And.Contain("Current date: 2026-03-14");
        request.Prompt.Should().NotContain(a.Id.ToString()).And.NotContain(b.Id.ToString());
        request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString().Should().Be("memory_reconciliation");
    }

    [Fact]
    public async Task ReconcileAsync_Update_ReturnsMergedText()
    {
        var a = Stored("The user has a dog.");
        Server.ReplyChatJson(new { action = "update", memoryId = 1, text = "The user has a dog named Rex.", reason = "detail" });

        var decision = await Reconciler().ReconcileAsync(Request("The user's dog is called Rex.", a));

        decision.Should().Be(new ReconciliationDecision(ReconciliationAction.Update, a.Id, "The user has a dog named Rex.", "detail"));
    }

    [Fact]
    public async Task ReconcileAsync_HallucinatedIdThenValid_RejectsTheHallucinationAndAsksAgain()
    {
        var a = Stored("The user likes jazz.");
        Server.ReplyChatJson(new { action = "delete", memoryId = 7 });
        Server.ReplyChatJson(new { action = "none", memoryId = (int?)null });

        var decision = await Reconciler().ReconcileAsync(Request("The user enjoys jazz.", a));

        decision.Action.Should().Be(ReconciliationAction.None);
        decision.TargetId.Should().BeNull();
        Server.ChatRequests.Should().HaveCount(2);
        Server.ChatRequests[1].Prompt.Should().Contain("Memory 7 does not exist");
    }

    [Fact]
    public async Task ReconcileAsync_HallucinatedIdEveryTime_ThrowsModelOutputException()
    {
        var a = Stored("The user likes jazz.");
        for (var i = 0; i < 3; i++)
        {
            Server.ReplyChatJson(new { action = "delete", memoryId = 42 });
        }

        var act = () => Reconciler().ReconcileAsync(Request("The user no longer likes jazz.", a));

        var error = (await act.Should().ThrowAsync<ModelOutputException>()).Which;
        error.Operation.Should().Be("reconcile");
        Server.ChatRequests.Should().HaveCount(LlmOptions.MaxOutputAttempts);
    }

    [Fact]
    public async Task ReconcileAsync_InvalidAction_ThrowsModelOutputException()
    {
        LlmOptions.MaxOutputAttempts = 2;
        var a = Stored("The user likes jazz.");
        Server.ReplyChatJson(new { action = "merge", memoryId = 1, text = "x" });
        Server.ReplyChatJson(new { action = "update", memoryId = (int?)null, text = "x" });

        var act = () => Reconciler().ReconcileAsync(Request("The user likes jazz a lot.", a));

        (await act.Should().ThrowAsync<ModelOutputException>()).Which.Message.Should().Contain("memoryId");
        Server.ChatRequests.Should().HaveCount(2);
        Server.ChatRequests[1].Prompt.Should().Contain("'merge' is not an action");
    }

    [Fact]
    public async Task ReconcileAsync_NoNeighbours_AddsWithoutCallingTheModel()
    {
        var decision = await Reconciler().ReconcileAsync(Request("The user likes tea."));

        decision.Should().Be(ReconciliationDecision.Add);
        Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ReconcileAsync_ProfileCandidate_UpdatesTheStoredProfileInPlace()
    {
        var profile = Stored("UserProfile profile: {\"city\":\"Paris\"}", "profile:UserProfile", new Dictionary<string, string> { [LlmProfileSchema.MetadataKey] = "UserProfile" });
        var other = Stored("The user likes jazz.");
        var request = new ReconciliationRequest(
            Scope,
            new MemoryCandidate
            {
                Kind = MemoryKind.Semantic,
                Text = "UserProfile profile: {\"city\":\"Lyon\"}",
                Topic = "profile:UserProfile",
                Metadata = new Dictionary<string, string> { [LlmProfileSchema.MetadataKey] = "UserProfile" },
            },
            new float[] { 1, 0, 0 },
            [new ScoredMemory(other, 0.9), new ScoredMemory(profile, 0.8)]);

        var decision = await Reconciler().ReconcileAsync(request);

        decision.Action.Should().Be(ReconciliationAction.Update);
        decision.TargetId.Should().Be(profile.Id);
        decision.Text.Should().Contain("Lyon");
        Server.Requests.Should().BeEmpty();
    }
}
