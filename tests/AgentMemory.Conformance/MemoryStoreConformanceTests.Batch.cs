using AgentMemory.Formation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Conformance;

/// <summary>Batch saves and waiting for background formation over this store.</summary>
public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task SaveAsync_Batch_EmbedsEveryCandidateInOneCallAndStoresThemInOrder()
    {
        var generator = new DistinctTextEmbeddingGenerator(Dim);
        await using var provider = MemoryServices(generator);
        var memory = provider.GetRequiredService<IAgentMemory>();
        MemoryCandidate[] candidates =
        [
            new() { Kind = MemoryKind.Semantic, Text = "The user is a pilot" },
            new() { Kind = MemoryKind.Procedural, Text = "Always answer in French", Topic = "style" },
            new() { Kind = MemoryKind.Semantic, Text = "The user's dog is called Rex", Metadata = new Dictionary<string, string> { ["src"] = "crm" } },
        ];

        var outcomes = await memory.SaveAsync(User(), candidates);

        generator.Requests.Should().Be(1, "all candidates are embedded in one call");
        generator.Texts.Should().Be(3);
        outcomes.Should().HaveCount(3).And.AllSatisfy(o => o.Kind.Should().Be(FormationOutcomeKind.Added));
        outcomes.Select(o => o.Record!.Text).Should().Equal(candidates.Select(c => c.Text));
        outcomes[2].Record!.Metadata.Should().Contain("src", "crm");
        (await ListAsync(User())).Select(r => r.Id).Should().BeEquivalentTo(outcomes.Select(o => o.Record!.Id));
    }

    [Fact]
    public virtual async Task SaveAsync_Batch_DuplicatesReconcileAsConsecutiveSavesWould()
    {
        var generator = new DistinctTextEmbeddingGenerator(Dim);
        await using var provider = MemoryServices(generator);
        var memory = provider.GetRequiredService<IAgentMemory>();
        MemoryCandidate[] candidates =
        [
            new() { Kind = MemoryKind.Semantic, Text = "The user lives in Lyon" },
            new() { Kind = MemoryKind.Semantic, Text = "The user plays the cello" },
            new() { Kind = MemoryKind.Semantic, Text = "The user lives in Lyon" },
        ];
        var one = User("t1", "one-by-one");
        var batch = User("t1", "batch");

        var sequential = new List<FormationOutcome>();
        foreach (var candidate in candidates)
        {
            sequential.Add(await memory.SaveAsync(one, candidate));
        }

        var batched = await memory.SaveAsync(batch, candidates);

        batched.Select(o => o.Kind).Should().Equal(sequential.Select(o => o.Kind));
        batched[2].Kind.Should().NotBe(FormationOutcomeKind.Added, "the third candidate repeats the first one of the same batch");
        (await ListAsync(batch)).Select(r => r.Text).Should().BeEquivalentTo((await ListAsync(one)).Select(r => r.Text));
    }

    [Fact]
    public virtual async Task SaveAsync_Batch_BlockedCandidateIsQuarantinedAndTheOthersAreSaved()
    {
        var generator = new DistinctTextEmbeddingGenerator(Dim);
        await using var provider = MemoryServices(generator, register: s => s.AddSingleton<IMemoryGuard>(new BlockingGuard("forbidden")));
        var memory = provider.GetRequiredService<IAgentMemory>();

        var outcomes = await memory.SaveAsync(User(),
        [
            new() { Kind = MemoryKind.Semantic, Text = "The user likes tea" },
            new() { Kind = MemoryKind.Semantic, Text = "A forbidden instruction" },
            new() { Kind = MemoryKind.Semantic, Text = "The user likes chess" },
        ]);

        outcomes.Select(o => o.Kind).Should().Equal(FormationOutcomeKind.Added, FormationOutcomeKind.Blocked, FormationOutcomeKind.Added);
        outcomes[1].Reason.Should().Be("blocked word");
        generator.Texts.Should().Be(2, "a blocked candidate is never embedded");
        (await QuarantineAsync(User())).Select(q => q.Text).Should().Equal("A forbidden instruction");
        (await ListAsync(User())).Select(r => r.Text).Should().BeEquivalentTo(["The user likes tea", "The user likes chess"]);
    }

    [Fact]
    public virtual async Task SaveAsync_Batch_InvalidCandidate_StoresNothing()
    {
        var generator = new DistinctTextEmbeddingGenerator(Dim);
        await using var provider = MemoryServices(generator, register: s => s.AddSingleton<IMemoryGuard>(new BlockingGuard("forbidden")));
        var memory = provider.GetRequiredService<IAgentMemory>();

        var act = () => memory.SaveAsync(User(),
        [
            new() { Kind = MemoryKind.Semantic, Text = "The user likes tea" },
            new() { Kind = MemoryKind.Semantic, Text = "A forbidden instruction" },
            new() { Kind = MemoryKind.Semantic, Text = "The user likes chess", Importance = 2 },
        ]);
        var withNull = () => memory.SaveAsync(User(), [new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "fine" }, null!]);

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.InvalidImportance);
        await withNull.Should().ThrowAsync<ArgumentException>();
        generator.Requests.Should().Be(0);
        (await ListAsync(User())).Should().BeEmpty();
        (await QuarantineAsync(User())).Should().BeEmpty("a batch with an invalid candidate is rejected before any guard runs");
        (await memory.SaveAsync(User(), [])).Should().BeEmpty();
    }

    [Fact]
    public virtual async Task WaitForFormationAsync_NoWorker_FormsTheQueuedJobAndReportsCompleted()
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();

        var receipt = await memory.RememberAsync(User(), [new ChatMessage(ChatRole.User, "I'm vegetarian."), new ChatMessage(ChatRole.User, "My sister lives in Lyon.")]);

        receipt.Queued.Should().BeTrue();
        receipt.Mode.Should().Be(FormationMode.Background);
        receipt.MessageCount.Should().Be(2);
        receipt.QueuedAt.Should().Be(Time.GetUtcNow());
        (await Outbox.GetJobAsync(receipt.JobId)).Should().NotBeNull();

        var result = await Task.Run(() => memory.WaitForFormationAsync(receipt.JobId)).WaitAsync(FlushGuard);

        result.Should().Be(new FormationJobResult(receipt.JobId, FormationJobStatus.Completed));
        (await Outbox.GetJobAsync(receipt.JobId)).Should().BeNull();
        (await ListAsync(User())).Should().NotBeEmpty();
        (await memory.WaitForFormationAsync(Guid.NewGuid())).Status.Should().Be(FormationJobStatus.Completed, "a job that is not queued has nothing to wait for");
    }

    [Fact]
    public virtual async Task WaitForFormationAsync_JobFailingEveryAttempt_EndsWithFailedAndRetryCompletesIt()
    {
        var generator = new PoisonableEmbeddingGenerator(Dim) { Poison = PoisonMode.Throws };
        await using var provider = MemoryServices(generator, o => o.Formation.MaxAttempts = 2);
        var memory = provider.GetRequiredService<IAgentMemory>();
        var receipt = await memory.RememberAsync(User(), [new ChatMessage(ChatRole.User, "I'm a pilot.")]);

        var result = await Task.Run(() => memory.WaitForFormationAsync(receipt.JobId)).WaitAsync(FlushGuard);

        result.Status.Should().Be(FormationJobStatus.Failed);
        result.Attempts.Should().Be(2);
        result.Error.Should().Be("InvalidOperationException: The embedding service is unavailable.");
        (await Outbox.GetJobAsync(receipt.JobId))!.FailedAt.Should().NotBeNull();

        generator.Poison = PoisonMode.None;
        (await provider.GetRequiredService<IFormationPump>().RetryFailedAsync(receipt.JobId)).Should().BeTrue();
        (await Task.Run(() => memory.WaitForFormationAsync(receipt.JobId)).WaitAsync(FlushGuard)).Status.Should().Be(FormationJobStatus.Completed);
        (await ListAsync(User())).Should().NotBeEmpty();
    }

    [Fact]
    public virtual async Task GetJobAsync_ReadsQueuedAndParkedJobsButNotCompletedOnes()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);

        var queued = await Outbox.GetJobAsync(job.Id);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));
        await Outbox.ParkAsync(job.Id, "w1", "broken");
        var parked = await Outbox.GetJobAsync(job.Id);
        await Outbox.RetryFailedAsync(job.Id);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));
        await Outbox.CompleteAsync(job.Id, "w1");

        queued!.Scope.Should().Be(job.Scope);
        queued.Payload.Should().Be(job.Payload);
        queued.FailedAt.Should().BeNull();
        parked!.FailedAt.Should().NotBeNull();
        parked.LastError.Should().Be("broken");
        parked.Attempts.Should().Be(1);
        (await Outbox.GetJobAsync(job.Id)).Should().BeNull();
        (await Outbox.GetJobAsync(Guid.NewGuid())).Should().BeNull();
    }
}
