"""Benchmark generation latency per token on CPU for a GPT-2-small-sized model (random weights).

What `meow chat` feels like on a laptop: the prompt is processed once (prefill), then each new token is
one forward pass over the KV cache. Prints the median of a few runs.

    python bench/generate_latency.py                  # 1 thread, 64-token prompt, 32 new tokens
    python bench/generate_latency.py --threads 4 --prompt-tokens 256
"""

import argparse
import statistics
import time

import torch


def timed_generate(model: torch.nn.Module, prompt: torch.Tensor, new_tokens: int) -> float:
    start = time.perf_counter()
    with torch.inference_mode():
        model.generate(  # type: ignore[operator]
            input_ids=prompt,
            attention_mask=torch.ones_like(prompt),
            max_new_tokens=new_tokens,
            min_new_tokens=new_tokens,
            do_sample=False,
            pad_token_id=0,
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--prompt-tokens", type=int, default=64)
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from transformers import GPT2Config, GPT2LMHeadModel
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(vocab_size=50304)).eval()  # type: ignore[no-untyped-call]  # 124M, meow's padded vocabulary
    prompt = torch.randint(0, 50257, (1, args.prompt_tokens))
    timed_generate(model, prompt, 2)  # warm-up
    prefill = [timed_generate(model, prompt, 1) for _ in range(args.runs)]
    full = [timed_generate(model, prompt, args.new_tokens) for _ in range(args.runs)]
    per_token = (statistics.median(full) - statistics.median(prefill)) / (args.new_tokens - 1)
    params = sum(p.numel() for p in model.parameters()) / 1e6
    print(
        f"\nbench/generate_latency.py: GPT-2 small ({params:.0f}M, random weights), CPU, "
        f"{args.threads} thread(s)"
    )
    print(
        f"  prompt {args.prompt_tokens} tokens, {args.new_tokens} new tokens, greedy, KV cache, "
        f"median of {args.runs}"
    )
    print(f"  prefill (first token)   {1000 * statistics.median(prefill):8.1f} ms")
    print(f"  per new token           {1000 * per_token:8.1f} ms  ({1 / per_token:.1f} tokens/s)")
    print(f"  {args.new_tokens}-token reply, total  {1000 * statistics.median(full):8.1f} ms")


if __name__ == "__main__":
    main()
