namespace Panoptic.Torch.NN.Modules;

/// <summary>Fully connected layer (<c>torch.nn.Linear</c>): (*, in) → (*, out).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        (Weight, Bias) = RegisterWeightAndBias([outFeatures, inFeatures], outFeatures, bias, dtype);
    }

    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
