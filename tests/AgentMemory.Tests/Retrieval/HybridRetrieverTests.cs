using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class HybridRetrieverTests
{
    [Fact]
    public async Task RetrieveAsync_LexicalAndVectorMatch_RanksRelevantFirstWithExplanation()
    {
        var f = new RetrieverFixture();
        await f.AddAsync("Caroline went to the LGBTQ support group on Tuesday.");
        var target = await f.AddAsync("Melanie painted a sunrise over the lake last summer.");
        await f.AddAsync("The weather was rainy all weekend.");

        var hits = await f.RecallAsync("What did Melanie paint?");

        hits.Should().NotBeEmpty();
        hits[0].Record.Id.Should().Be(target.Id);
        hits[0].Components.Select(c => c.Name).Should().Contain("lexical").And.Contain("vector");
        hits[0].Explain().Should().Contain("lexical=");
    }
}
