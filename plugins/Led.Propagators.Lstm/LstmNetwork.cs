using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm;

/// <summary>
/// The parameters of <see cref="LstmPropagator"/>: <c>lstm</c> (one layer, batch first; PyTorch gate order i, f, g, o —
/// the same arithmetic as the reference's LSTMCell, run over a whole sequence in one call) and <c>head</c> (Linear).
/// </summary>
internal sealed class LstmNetwork : nn.Module
{
    private readonly LSTM lstm;
    private readonly Linear head;
    private readonly bool _tanhplus;
    private readonly bool _residual;

    public LstmNetwork(int latentDim, int hidden, bool tanhplus, bool residual) : base("Lstm")
    {
        LatentDim = latentDim;
        Hidden = hidden;
        _tanhplus = tanhplus;
        _residual = residual;
        lstm = nn.LSTM(latentDim, hidden, numLayers: 1, batchFirst: true);
        head = nn.Linear(hidden, latentDim);
        RegisterComponents();
    }

    /// <summary>The reference's initialisation; called once the module has its final dtype and device.</summary>
    public void Initialise()
    {
        using (no_grad())
        {
            foreach (var (name, parameter) in lstm.named_parameters())
            {
                if (name.StartsWith("weight_ih", StringComparison.Ordinal)) nn.init.xavier_uniform_(parameter);
                else if (name.StartsWith("weight_hh", StringComparison.Ordinal)) Orthogonal(parameter);
                else parameter.fill_(0.001);
            }
            nn.init.xavier_uniform_(head.weight);
            head.bias!.fill_(0.001);
        }
    }

    /// <summary>A random matrix with orthonormal columns (or rows), computed in the parameter's own precision.</summary>
    private static void Orthogonal(Tensor parameter)
    {
        using var scope = NewDisposeScope();
        bool tall = parameter.shape[0] >= parameter.shape[1];
        var a = randn(tall ? parameter.shape : [parameter.shape[1], parameter.shape[0]], dtype: parameter.dtype, device: parameter.device);
        var (q, r) = linalg.qr(a);
        q = q * r.diagonal().sign();
        parameter.copy_(tall ? q : q.t());
    }

    public int LatentDim { get; }

    public int Hidden { get; }

    public Tensor Run(LstmState state, Tensor latents)
    {
        using var h0 = state.Hidden.unsqueeze(0);
        using var c0 = state.Cell.unsqueeze(0);
        var (output, hn, cn) = lstm.forward(latents, (h0, c0));
        using (hn)
        using (cn)
            state.Update(hn.squeeze(0), cn.squeeze(0));
        using (output)
        {
            using var linear = head.forward(output);
            if (!_tanhplus) return _residual ? latents + linear : linear.alias();
            if (!_residual) return linear.tanh().mul(0.5).add_(0.5);
            // tanhplus⁻¹(z) = artanh(2z − 1); inputs are clamped just inside (0, 1) to keep it finite
            using var preactivation = latents.clamp(1e-6, 1 - 1e-6).mul(2).sub_(1).atanh();
            return (preactivation + linear).tanh().mul(0.5).add_(0.5);
        }
    }
}
