using AgentMemory.Formation;
using AgentMemory.Pipeline;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Formation;

public sealed class FormationPayloadTests
{
    [Fact]
    public void Serialize_RoundTripsMessagesTimeAndMetadata()
    {
        var time = new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.FromHours(1));
        var messages = new List<ChatMessage>
        {
            new(ChatRole.User, "I'm vegetarian") { AuthorName = "Caroline", AdditionalProperties = new() { ["agentmemory.image_caption"] = "a salad" } },
            new(ChatRole.Assistant, "Noted."),
        };

        var json = FormationPayload.Serialize(messages, time, new Dictionary<string, string> { ["channel"] = "web" });
        var (back, backTime, metadata) = FormationPayload.Deserialize(json);

        backTime.Should().Be(time);
        metadata.Should().Contain("channel", "web");
        back.Should().HaveCount(2);
        back[0].Text.Should().Be("I'm vegetarian");
        back[0].AuthorName.Should().Be("Caroline");
        back[0].Role.Should().Be(ChatRole.User);
        back[0].AdditionalProperties!["agentmemory.image_caption"]!.ToString().Should().Be("a salad");
        back[1].Role.Should().Be(ChatRole.Assistant);
    }

    [Fact]
    public void Deserialize_Garbage_ThrowsFormatException()
    {
        FluentActions.Invoking(() => FormationPayload.Deserialize("{\"nope\":1}")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => FormationPayload.Deserialize("not json")).Should().Throw<FormatException>();
    }

    [Fact]
    public void MemoryIds_AreDeterministicPerJobAndIndex()
    {
        var job = Guid.NewGuid();

        MemoryIds.ForCandidate(job, 0).Should().Be(MemoryIds.ForCandidate(job, 0));
        MemoryIds.ForCandidate(job, 0).Should().NotBe(MemoryIds.ForCandidate(job, 1));
        MemoryIds.ForCandidate(job, 0).Should().NotBe(MemoryIds.ForCandidate(Guid.NewGuid(), 0));
        MemoryIds.ForCandidate(job, 3).Version.Should().Be(8);
    }

    [Fact]
    public void Backoff_DoublesUpToTheMaximum()
    {
        var options = new FormationOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(60) };

        FormationPump.Backoff(0, options).Should().Be(TimeSpan.FromSeconds(2));
        FormationPump.Backoff(1, options).Should().Be(TimeSpan.FromSeconds(4));
        FormationPump.Backoff(4, options).Should().Be(TimeSpan.FromSeconds(32));
        FormationPump.Backoff(5, options).Should().Be(TimeSpan.FromSeconds(60));
        FormationPump.Backoff(1000, options).Should().Be(TimeSpan.FromSeconds(60));
    }
}
