using AgentMemory.Models;

namespace AgentMemory.Tests.Models;

public sealed class ModelUsageTrackerTests
{
    [Fact]
    public void Record_MoreScopesThanMaxTrackedKeys_FoldsNewScopesIntoTheirTenantKeepingTotals()
    {
        var tracker = new ModelUsageTracker(maxTrackedKeys: 3);
        for (var u = 0; u < 10; u++)
        {
            tracker.Record(MemoryScope.ForUser("acme", "u" + u), "extract", 10, 1);
        }

        tracker.GetUsage(MemoryScope.ForUser("acme", "u0")).InputTokens.Should().Be(10, "the first scopes are counted on their own");
        tracker.GetUsage(MemoryScope.ForUser("acme", "u9")).InputTokens.Should().Be(0, "later ones are folded into the tenant");
        tracker.GetUsage(MemoryScope.TenantShared("acme")).InputTokens.Should().Be(100);
        tracker.GetTotal().Should().Be(new ModelUsage(10, 100, 10));
    }

    [Fact]
    public void Record_ManyTenantsOverTwiceTheBound_StaysBoundedAndExactInTotal()
    {
        var tracker = new ModelUsageTracker(maxTrackedKeys: 2);
        for (var t = 0; t < 50; t++)
        {
            tracker.Record(MemoryScope.ForUser("tenant" + t, "u"), "embed", 1, null);
        }

        tracker.GetTotal().Should().Be(new ModelUsage(50, 50, 0));
        tracker.GetUsage(MemoryScope.TenantShared("tenant49")).Calls.Should().Be(0, "past twice the bound usage is counted under no scope");
    }
}
