using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Engine.Evaluation;

namespace Panoptic.Core.Tests.Engine.Support;

/// <summary>A fake evaluation returning the next of a list of scores as <c>segm/AP</c> (and <c>bbox/AP</c> = 2 × it).</summary>
internal sealed class ScriptedEvaluation(params double[] scores) : IModelEvaluation
{
    public int Calls { get; private set; }

    public bool SawEvalMode { get; private set; } = true;

    public IReadOnlyDictionary<string, double> Evaluate(IMetaArchitecture model)
    {
        SawEvalMode &= !((Panoptic.Torch.NN.Module)model).Training;
        var score = scores[Math.Min(Calls++, scores.Length - 1)];
        return new Dictionary<string, double> { ["segm/AP"] = score, ["bbox/AP"] = 2 * score };
    }
}
