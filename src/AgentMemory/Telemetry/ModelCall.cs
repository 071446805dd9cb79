using System.Diagnostics;

namespace AgentMemory.Telemetry;

/// <summary>
/// One model call measured under the OpenTelemetry GenAI conventions (see
/// <see cref="AgentMemoryInstrumentation.StartModelCall"/>): <see cref="Succeeded"/> or <see cref="Failed"/> ends the
/// span and records <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c>.
/// </summary>
internal sealed class ModelCall
{
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly Activity? _activity;
    private readonly string _operationName;
    private readonly string? _providerName;
    private readonly string? _requestModel;
    private readonly string _purpose;
    private readonly long _started = Stopwatch.GetTimestamp();

    public ModelCall(AgentMemoryInstrumentation telemetry, Activity? activity, string operationName, string? providerName, string? requestModel, string purpose)
    {
        _telemetry = telemetry;
        _activity = activity;
        _operationName = operationName;
        _providerName = providerName;
        _requestModel = requestModel;
        _purpose = purpose;
    }

    /// <summary>Records a completed call with the model that answered and the tokens it reported (when it did).</summary>
    public void Succeeded(string? responseModel, long? inputTokens, long? outputTokens)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        if (_activity is not null)
        {
            _activity.SetTag(SemanticConventions.GenAiResponseModel, responseModel);
            _activity.SetTag(SemanticConventions.GenAiUsageInputTokens, inputTokens);
            _activity.SetTag(SemanticConventions.GenAiUsageOutputTokens, outputTokens);
            _activity.Dispose();
        }

        var tags = Tags(responseModel);
        if (_telemetry.ModelDuration.Enabled)
        {
            _telemetry.ModelDuration.Record(elapsed, tags);
        }

        if (_telemetry.TokenUsage.Enabled)
        {
            if (inputTokens is { } input)
            {
                var inputTags = tags;
                inputTags.Add(SemanticConventions.GenAiTokenType, SemanticConventions.Input);
                _telemetry.TokenUsage.Record(input, inputTags);
            }

            if (outputTokens is { } output)
            {
                var outputTags = tags;
                outputTags.Add(SemanticConventions.GenAiTokenType, SemanticConventions.Output);
                _telemetry.TokenUsage.Record(output, outputTags);
            }
        }
    }

    /// <summary>Records a failed call: <c>error.type</c> on the span and on the duration.</summary>
    public void Failed(Exception exception)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        AgentMemoryInstrumentation.SetError(_activity, exception);
        _activity?.Dispose();
        if (_telemetry.ModelDuration.Enabled)
        {
            var tags = Tags(null);
            tags.Add(SemanticConventions.ErrorType, exception.GetType().FullName);
            _telemetry.ModelDuration.Record(elapsed, tags);
        }
    }

    private TagList Tags(string? responseModel)
    {
        var tags = new TagList
        {
            { SemanticConventions.GenAiOperationName, _operationName },
            { AgentMemoryTelemetry.OperationAttribute, _purpose },
        };
        if (_providerName is not null)
        {
            tags.Add(SemanticConventions.GenAiProviderName, _providerName);
        }

        if (_requestModel is not null)
        {
            tags.Add(SemanticConventions.GenAiRequestModel, _requestModel);
        }

        if (responseModel is not null)
        {
            tags.Add(SemanticConventions.GenAiResponseModel, responseModel);
        }

        return tags;
    }
}
