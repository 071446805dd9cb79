namespace MemoryReview;

/// <summary>Settings of the review app (section "MemoryReview").</summary>
public sealed class MemoryReviewOptions
{
    /// <summary>The tenant whose users sign in here.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>The SQLite connection string.</summary>
    public string Database { get; set; } = "Data Source=memoryreview.db";

    /// <summary>The demo accounts.</summary>
    public List<DemoUser> Users { get; set; } = [];
}
