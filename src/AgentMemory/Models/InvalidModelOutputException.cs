namespace AgentMemory.Models;

/// <summary>Thrown by an output parser when the model's answer does not satisfy its contract; triggers another attempt.</summary>
internal sealed class InvalidModelOutputException : Exception
{
    public InvalidModelOutputException()
    {
    }

    public InvalidModelOutputException(string message)
        : base(message)
    {
    }

    public InvalidModelOutputException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
