namespace AgentMemory.Extraction;

/// <summary>What a sentence of a conversation does, judged from its form (see <see cref="UtteranceClassifier"/>).</summary>
internal enum UtteranceKind
{
    /// <summary>A declarative sentence: it states something ("My sister lives in Lyon").</summary>
    Statement,

    /// <summary>An interrogative sentence: a question mark, a question word first, or an auxiliary before its subject.</summary>
    Question,

    /// <summary>An imperative addressed to the listener ("tell me …", "please …", "let's …").</summary>
    Request,

    /// <summary>A greeting, thanks, acknowledgement, farewell or conversation command: nothing but such words.</summary>
    Phatic,
}
