using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm;

/// <summary>The parameters of <see cref="LstmPropagator"/>: <c>cell</c> (LSTMCell) and <c>head</c> (Linear).</summary>
internal sealed class LstmNetwork : nn.Module
{
    private readonly LSTMCell cell;
    private readonly Linear head;
    private readonly bool _tanhplus;

    public LstmNetwork(int latentDim, int hidden, bool tanhplus) : base("Lstm")
    {
        LatentDim = latentDim;
        Hidden = hidden;
        _tanhplus = tanhplus;
        cell = nn.LSTMCell(latentDim, hidden);
        head = nn.Linear(hidden, latentDim);
        RegisterComponents();
        using (no_grad())
        {
            nn.init.xavier_uniform_(cell.weight_ih);
            nn.init.orthogonal_(cell.weight_hh);
            cell.bias_ih!.fill_(0.001);
            cell.bias_hh!.fill_(0.001);
            nn.init.xavier_uniform_(head.weight);
            head.bias!.fill_(0.001);
        }
    }

    public int LatentDim { get; }

    public int Hidden { get; }

    public Tensor Run(LstmState state, Tensor latents)
    {
        long steps = latents.shape[1];
        var outputs = new Tensor[steps];
        for (long t = 0; t < steps; t++)
        {
            using var input = latents.select(1, t);
            var (h, c) = cell.forward(input, (state.Hidden, state.Cell));
            state.Update(h, c);
            using var linear = head.forward(h);
            outputs[t] = _tanhplus ? linear.tanh().mul(0.5).add_(0.5) : linear.alias();
        }
        var result = stack(outputs, 1);
        foreach (var o in outputs) o.Dispose();
        return result;
    }
}
