using Bastion.Cli;

// Ctrl+C cancels the running verb; the CLI answers with exit code 130 instead of a stack trace.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await BastionCli.RunAsync(args, cancellationToken: cancel.Token);
