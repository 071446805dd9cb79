using AgentMemory.Storage;
using AgentMemory.Storage.InMemory;

namespace AgentMemory.Tests.Storage;

public sealed class MemoryStoreOptionsValidatorTests
{
    [Fact]
    public void Validate_LimitsOutOfRange_ReportsOneFailurePerLimit()
    {
        var options = new InMemoryStoreOptions { MaxTextLength = 0, Dimension = MemoryRecordValidator.MaxDimension + 1 };

        var result = new MemoryStoreOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(2);
        result.FailureMessage.Should().Contain("MaxTextLength").And.Contain("Dimension");
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new MemoryStoreOptionsValidator().Validate(null, new InMemoryStoreOptions());

        result.Succeeded.Should().BeTrue();
    }
}
