namespace MemoryReview;

/// <summary>A demo account of the review app (configured under MemoryReview:Users).</summary>
public sealed class DemoUser
{
    /// <summary>The user id (also the memory scope's user).</summary>
    public string Name { get; set; } = "";

    /// <summary>The demo password.</summary>
    public string Password { get; set; } = "";
}
