using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class TaskTypeClassifierTests
{
    [Theory]
    [InlineData("Summarise this thread", "summary")]
    [InlineData("Can you list the options?", "list")]
    [InlineData("What is the capital of France?", "answer")]
    [InlineData("Write an email to my landlord", "writing")]
    [InlineData("Fix the bug in this function", "coding")]
    [InlineData("Find me a flight to Rome", "travel")]
    public void Classify_Requests_FindTaskType(string request, string type)
        => TaskTypeClassifier.Classify(request).Should().Contain(type);

    [Fact]
    public void Topics_SummaryRequest_IncludesFormatting()
        => new TaskTypeClassifier().Topics("Give me a recap of the meeting").Should().Contain("formatting");

    [Fact]
    public void Topics_ExtraTopics_AreAdded()
        => new TaskTypeClassifier(new Dictionary<string, string[]> { ["coding"] = ["dotnet"] }).Topics("refactor this class").Should().Contain("dotnet");

    [Fact]
    public void Classify_Greeting_FindsNothing() => TaskTypeClassifier.Classify("good morning").Should().BeEmpty();
}
