namespace AgentMemory;

/// <summary>Whether memory formation runs in the background or inside the remember call.</summary>
public enum FormationMode
{
    /// <summary>Queue durably and return; a background worker forms the memories (the default).</summary>
    Background = 0,

    /// <summary>Form and store before returning (tests and simple apps).</summary>
    Inline = 1,
}
