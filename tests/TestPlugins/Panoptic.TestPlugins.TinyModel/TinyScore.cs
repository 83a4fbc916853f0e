using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;

namespace Panoptic.TestPlugins.TinyModel;

/// <summary>Options of <see cref="TinyScore"/>: none.</summary>
public sealed record TinyScoreOptions : ComponentOptions;

/// <summary>
/// Evaluates <see cref="TinyRegressor"/>: <c>tiny/error</c> is the mean absolute error of the predicted annotation
/// count, <c>tiny/score</c> = 1 − error (higher is better), <c>tiny/images</c> the number of images seen.
/// </summary>
[Component("TinyScore", Description = "Count error of TinyRegressor (engine tests).")]
public sealed class TinyScore(TinyScoreOptions options, EvaluatorContext context) : IEvaluator
{
    private readonly List<double> _errors = [];

    public TinyScoreOptions Options { get; } = options;

    public EvaluatorContext Context { get; } = context;

    public void Reset() => _errors.Clear();

    public void Process(IReadOnlyList<ModelInput> inputs, IReadOnlyList<ModelOutput> outputs)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            var predicted = outputs[i].Instances!.Get<Tensor>("scores").ToArray<float>()[0] * 10;
            var actual = inputs[i].Record?.Annotations.Count(a => !a.IsCrowd) ?? 0;
            _errors.Add(Math.Abs(predicted - actual));
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Evaluate()
    {
        var error = _errors.Count == 0 ? double.NaN : _errors.Average();
        return new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["tiny"] = new Dictionary<string, double> { ["error"] = error, ["score"] = 1 - error, ["images"] = _errors.Count },
        };
    }
}
