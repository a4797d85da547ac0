using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>
/// A permutation-invariant encoder of a point set [B, N, D]: per-point features (x, x²), averaged over the points, then
/// one linear layer to d_z. With d_z = 2D and identity weights the latent is the cloud's first and second moments.
/// </summary>
public sealed class MomentEncoder : IEncoder, ITrainable, IDisposable
{
    private readonly LinearNetwork _network;

    public MomentEncoder(MomentEncoderOptions options, SystemDescription system, IDeviceContext device)
    {
        int d = system.Shape[^1];
        _network = new LinearNetwork("MomentEncoder", 2 * d, options.LatentDim, device);
        LatentDim = options.LatentDim;
    }

    public int LatentDim { get; }

    public nn.Module Module => _network;

    /// <summary>The linear layer's weight [d_z, 2D] and bias [d_z].</summary>
    public void SetWeights(double[,] weight, double[] bias) => _network.SetWeights(weight, bias);

    public Tensor Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        var features = cat([states, states.square()], -1).mean([1]);
        return _network.Layer.forward(features).MoveToOuterDisposeScope();
    }

    public void Dispose() => _network.Dispose();
}
