namespace Panoptic.Torch.NN.Modules;

/// <summary>Fully connected layer (<c>torch.nn.Linear</c>): (*, in) → (*, out).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        using var w = Torch.Empty([outFeatures, inFeatures], dtype);
        Weight = RegisterParameter("weight", w);
        if (bias)
        {
            using var b = Torch.Empty([outFeatures], dtype);
            Bias = RegisterParameter("bias", b);
        }
        else
        {
            RegisterParameter("bias", (Parameter?)null);
        }
        Init.ResetLinearLike(Weight, Bias);
    }

    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
