using AgentMemory.Enrichment;
using FluentAssertions;

namespace AgentMemory.Tests.Enrichment;

public sealed class RelativeDateEnricherTests
{
    [Fact]
    public void Enrich_EpisodicWithRelativeDate_AddsAbsoluteDate()
    {
        var candidate = new MemoryCandidate
        {
            Kind = MemoryKind.Episodic,
            Text = "I went to a support group yesterday.",
            OccurredAt = new DateTimeOffset(2023, 5, 8, 13, 56, 0, TimeSpan.Zero),
        };

        var enriched = new RelativeDateEnricher().Enrich(candidate);

        enriched.Text.Should().Be("I went to a support group yesterday (7 May 2023).");
    }

    [Fact]
    public void Enrich_NoEventTimeOrNoRelativeDate_ReturnsSameCandidate()
    {
        var enricher = new RelativeDateEnricher();
        var noTime = new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Likes tea yesterday" };
        var noDate = new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "Likes tea", OccurredAt = DateTimeOffset.UnixEpoch };

        enricher.Enrich(noTime).Should().BeSameAs(noTime);
        enricher.Enrich(noDate).Should().BeSameAs(noDate);
    }
}
