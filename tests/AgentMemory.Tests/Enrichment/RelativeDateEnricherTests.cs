using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class RelativeDateGuardTests
{
    private static readonly GuardContext Context = new(MemoryScope.ForUser("t", "u"), []);

    [Fact]
    public async Task InspectAsync_EpisodicWithRelativeDate_RewritesWithAbsoluteDate()
    {
        var candidate = new MemoryCandidate
        {
            Kind = MemoryKind.Episodic,
            Text = "I went to a support group yesterday.",
            OccurredAt = new DateTimeOffset(2023, 5, 8, 13, 56, 0, TimeSpan.Zero),
        };

        var verdict = await new RelativeDateGuard().InspectAsync(candidate, Context);

        verdict.Action.Should().Be(GuardAction.Rewrite);
        verdict.Candidate!.Text.Should().Be("I went to a support group yesterday (7 May 2023).");
    }

    [Fact]
    public async Task InspectAsync_NoEventTimeOrNoRelativeDate_Allows()
    {
        var guard = new RelativeDateGuard();
        (await guard.InspectAsync(new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Likes tea yesterday" }, Context)).Action.Should().Be(GuardAction.Allow);
        (await guard.InspectAsync(new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "Likes tea", OccurredAt = DateTimeOffset.UnixEpoch }, Context)).Action.Should().Be(GuardAction.Allow);
    }
}
