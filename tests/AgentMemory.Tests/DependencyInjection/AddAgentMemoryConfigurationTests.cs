using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Tests.DependencyInjection;

public sealed class AddAgentMemoryConfigurationTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(AgentMemoryOptions.SectionName);

    [Fact]
    public void AddAgentMemory_ConfigurationSection_BindsNestedOptions()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory(Configuration(new()
        {
            ["AgentMemory:MaxTextLength"] = "4000",
            ["AgentMemory:Formation:Mode"] = "Inline",
            ["AgentMemory:Retrieval:TopK"] = "5",
            ["AgentMemory:Retrieval:FreshnessHalfLife"] = "30.00:00:00",
            ["AgentMemory:Retrieval:KindWeights:Episodic"] = "0.5",
            ["AgentMemory:Security:Pii:DefaultAction"] = "Block",
        }));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        options.MaxTextLength.Should().Be(4000);
        options.Formation.Mode.Should().Be(FormationMode.Inline);
        options.Retrieval.TopK.Should().Be(5);
        options.Retrieval.FreshnessHalfLife.Should().Be(TimeSpan.FromDays(30));
        options.Retrieval.KindWeights[MemoryKind.Episodic].Should().Be(0.5);
        options.Retrieval.KindWeights[MemoryKind.Semantic].Should().Be(1.0, "keys the configuration does not name keep their defaults");
        options.Security.Pii.DefaultAction.Should().Be(global::AgentMemory.Security.PiiAction.Block);
    }

    [Fact]
    public void AddAgentMemory_ConfigurationAndDelegate_DelegateRunsAfterBinding()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory(Configuration(new() { ["AgentMemory:Retrieval:TopK"] = "5", ["AgentMemory:MaxTextLength"] = "4000" }), o => o.Retrieval.TopK = 12);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        options.Retrieval.TopK.Should().Be(12);
        options.MaxTextLength.Should().Be(4000);
    }

    [Fact]
    public void AddAgentMemory_InvalidBoundValue_FailsValidationNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory(Configuration(new() { ["AgentMemory:MaxTextLength"] = "3" }));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxTextLength*");
    }

    [Fact]
    public void AddAgentMemory_NullConfiguration_Throws()
    {
        var act = () => new ServiceCollection().AddAgentMemory((IConfiguration)null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
