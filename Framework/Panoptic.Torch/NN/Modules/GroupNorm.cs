namespace Panoptic.Torch.NN.Modules;

/// <summary>Group normalisation (<c>torch.nn.GroupNorm</c>) over (N, C, ...), C divisible by the group count.</summary>
public sealed class GroupNorm : Module<Tensor, Tensor>
{
    public GroupNorm(long numGroups, long numChannels, double eps = 1e-5, bool affine = true)
    {
        if (numChannels % numGroups != 0)
            throw new ArgumentException($"num_channels ({numChannels}) must be divisible by num_groups ({numGroups})");
        (NumGroups, Eps) = (numGroups, eps);
        if (affine)
        {
            using var w = Torch.Ones([numChannels]);
            using var b = Torch.Zeros([numChannels]);
            Weight = RegisterParameter("weight", w);
            Bias = RegisterParameter("bias", b);
        }
    }

    public long NumGroups { get; }
    public double Eps { get; }
    public Parameter? Weight { get; }
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.GroupNorm(input, NumGroups, Weight, Bias, Eps);
}
