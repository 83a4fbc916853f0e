using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Modeling.Layers;

using Torch = Panoptic.Torch.Torch;

/// <summary>Detectron2's initialisations (<c>fvcore.nn.weight_init</c>); they draw from the global generator.</summary>
public static class WeightInit
{
    /// <summary><c>c2_msra_fill</c>: weight ~ kaiming_normal(fan_out, relu), bias 0 (ResNet, mask head convs).</summary>
    public static void MsraFill(Tensor weight, Tensor? bias)
    {
        using (Torch.NoGrad())
        {
            Init.KaimingNormal_(weight, mode: "fan_out", nonlinearity: "relu");
            if (bias is not null)
                Init.Zeros_(bias);
        }
    }

    /// <summary><c>c2_xavier_fill</c>: weight ~ kaiming_uniform(a=1), bias 0 (FPN convs, box head FCs).</summary>
    public static void XavierFill(Tensor weight, Tensor? bias)
    {
        using (Torch.NoGrad())
        {
            Init.KaimingUniform_(weight, a: 1);
            if (bias is not null)
                Init.Zeros_(bias);
        }
    }

    /// <summary>weight ~ N(0, std²), bias 0 (RPN head, box predictor, mask predictor).</summary>
    public static void NormalFill(Tensor weight, Tensor? bias, double std)
    {
        using (Torch.NoGrad())
        {
            Init.Normal_(weight, 0, std);
            if (bias is not null)
                Init.Zeros_(bias);
        }
    }
}
