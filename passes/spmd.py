"""Synchronization in generated code: the barrier of the graphs' SPMD entries, and the
worker loop and dispatcher that the runtime's thread pool runs.

Nothing here is C or assembly: each function is built from `llvm`/`llvmx` dialect ops and
translated like the graphs. `build-spmd-entry` puts `barrier_function()` into every graph
module; `support_module()` is compiled once per process for the runtime's thread pool.

The pool's shared state is one array of 64-bit words (`runtime.contract.PoolLayout`), each
group on its own cache line so that spinning threads do not slow the writers of other fields:

* `job_fn`, `job_args`, `job_team`: the job: the address of a graph's
  `main_spmd(args, tid, nthreads, sync)`, its argument array, the team size; `activity`,
  bumped as each call starts and ends (idle workers keep spinning while it moves);
* `quit`, `spin`, `yields`, `slots`: pool settings the runtime writes (stop; how long an
  idle worker spins, then yields, before it parks; how many worker slots exist);
* `sync`: two lines for the barrier of the running job (arrival count, generation);
* one line per worker slot k = 1..slots: its state, changed only by compare-exchange or
  by the one thread whose turn it is:

      PARKED --(runtime wakes it)--> IDLE --(caller claims)--> CLAIMED
      CLAIMED --(worker answers)--> ACKED --(caller starts it)--> RUN + tid
      RUN + tid --(worker done)--> IDLE;  CLAIMED --(caller gives up)--> IDLE
      IDLE --(worker idle too long)--> PARKED

A call (`webnn_run`) claims idle workers, waits a bounded time for their answers and
withdraws unanswered claims, so a worker the OS has descheduled never holds a call up;
the job's fields are written before the caller hands out tids (release), and the caller
waits for every started worker to return to IDLE before it returns: no worker runs a
graph's code after its call ends, which is what makes freeing an executable safe. A worker
leaves native code only to park, and only if its compare-exchange IDLE -> PARKED wins
against a claim.
"""

from __future__ import annotations

from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    IntegerAttr,
    ModuleOp,
    SymbolRefAttr,
    UnitAttr,
    UnknownLoc,
    i1,
    i32,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue

from dialects import llvmx
from runtime.contract import (ACKED, CLAIMED, IDLE, LAYOUT, LINE, PARKED, RUN, RUN_FN,
                              WORKER_FN, PoolLayout)

from .make_op import branch, cond_branch, integer, like, make

PTR = llvm.LLVMPointerType()

#: Barrier waits spin this many pauses before they start yielding the CPU.
BARRIER_SPIN = 2000

#: The barrier every graph module with barriers holds (internal to the module).
BARRIER_FN = "webnn_barrier"

#: Name of the C library's yield, declared by modules that spin.
YIELD = "sched_yield"


class Emitter:
    """Appends llvm-dialect ops to the blocks of one function: a small CFG builder."""

    def __init__(self, fn: llvm.FuncOp, location=None):
        self.fn = fn
        self.location = location if location is not None else UnknownLoc()
        fn.location = self.location
        self.block = fn.body.blocks[0]

    @staticmethod
    def function(name: str, inputs: list[Attribute], output: Attribute | None = None, *,
                 internal: bool = False, no_inline: bool = False) -> llvm.FuncOp:
        props = {"no_inline": UnitAttr()} if no_inline else {}
        return llvm.FuncOp(name, llvm.LLVMFunctionType(inputs, output),
                           linkage=llvm.LinkageAttr("internal" if internal else "external"),
                           body=Region(Block(arg_types=inputs)), other_props=props)

    @property
    def args(self):
        return self.fn.body.blocks[0].args

    def new_block(self, *types: Attribute) -> Block:
        block = Block(arg_types=types)
        self.fn.body.add_block(block)
        return block

    def at(self, block: Block) -> None:
        self.block = block

    def op(self, o):
        o.location = self.location
        self.block.add_op(o)
        return o.results[0] if len(o.results) == 1 else o

    # The ops a graph's entry makes by the hundred (`build-spmd-entry`) are made from
    # templates (`make_op`), not by their typed constructors.

    def const(self, value: int, t: Attribute = i64) -> SSAValue:
        return self.op(make(llvm.ConstantOp, (), (t,), {"value": integer(value, t)}))

    def icmp(self, predicate: str, a: SSAValue, b: SSAValue) -> SSAValue:
        """`a <predicate> b` on scalars."""
        flag = llvm.ICmpPredicateFlag(predicate).to_int()
        return self.op(like((llvm.ICmpOp, flag), lambda: llvm.ICmpOp(
            a, b, IntegerAttr(flag, i64)), (a, b), (i1,)))

    def binary(self, cls: type[Operation], a: SSAValue, b: SSAValue) -> SSAValue:
        """`a <cls> b` for an llvm integer arithmetic op class (AddOp, MulOp, ...)."""
        return self.op(like(cls, lambda: cls(a, b), (a, b), (a.type,)))

    def select(self, cond: SSAValue, a: SSAValue, b: SSAValue) -> SSAValue:
        return self.op(like(llvm.SelectOp, lambda: llvm.SelectOp(cond, a, b), (cond, a, b),
                            (a.type,)))

    def word(self, base: SSAValue, index: int | SSAValue) -> SSAValue:
        """Address of the 64-bit word `index` of the array at `base`."""
        if isinstance(index, int):
            return self.op(llvm.GEPOp(base, [index], i64))
        return self.op(llvm.GEPOp(base, [llvm.GEP_USE_SSA_VAL], i64, ssa_indices=[index]))

    def load(self, ptr: SSAValue, t: Attribute = i64) -> SSAValue:
        return self.op(llvm.LoadOp(ptr, t))

    def store(self, value: SSAValue, ptr: SSAValue) -> None:
        self.op(llvm.StoreOp(value, ptr))

    def call(self, name: str, *args: SSAValue, result: Attribute | None = None):
        return self.op(like(
            (llvm.CallOp, len(args), result),
            lambda: llvm.CallOp(name, *args, return_type=result), args,
            () if result is None else (result,), {"callee": SymbolRefAttr(name)}))

    def br(self, block: Block, *args: SSAValue) -> None:
        self.op(branch(llvm.BrOp, block, args))

    def cond_br(self, cond: SSAValue, then: Block, then_args: list[SSAValue], other: Block,
                other_args: list[SSAValue]) -> None:
        self.op(cond_branch(llvm.CondBrOp, cond, then, then_args, other, other_args))

    def ret(self, value: SSAValue | None = None) -> None:
        self.op(llvm.ReturnOp(value))

    def backoff(self, count: SSAValue, spin: SSAValue, retry: Block, *args: SSAValue) -> None:
        """Wait a little before `retry(*args, count + 1)`: a pause while count < spin, then
        a yield of the CPU to other threads (spinning longer would starve them)."""
        pause, give = self.new_block(), self.new_block()
        nxt = self.op(llvm.AddOp(count, self.const(1)))
        self.cond_br(self.icmp("ult", count, spin), pause, [], give, [])
        for block in (pause, give):
            self.at(block)
            if block is pause:
                self.op(llvmx.SpinHintOp())
            else:
                self.call(YIELD, result=i32)
            self.br(retry, *args, nxt)


def yield_declaration(location=None) -> llvm.FuncOp:
    """`int sched_yield(void)`, resolved from the C library when the code is loaded;
    located where it is needed (a graph's barrier: the graph), like every op."""
    decl = llvm.FuncOp(YIELD, llvm.LLVMFunctionType([], i32),
                       linkage=llvm.LinkageAttr("external"))
    decl.location = location if location is not None else UnknownLoc()
    return decl


def barrier_function(location) -> llvm.FuncOp:
    """`webnn_barrier(sync, nthreads)`: a sense-reversing barrier on `LAYOUT.sync` words.

    Each arrival reads the barrier generation, then counts itself in; the last of
    `nthreads` resets the count and bumps the generation (release), which the others wait
    for (acquire): every write before the barrier is visible after it."""
    fn = Emitter.function(BARRIER_FN, [PTR, i64], internal=True)
    e = Emitter(fn, location)
    sync, n = e.args
    sync.name_hint, n.name_hint = "sync", "nthreads"
    arrive, last, done = e.new_block(), e.new_block(), e.new_block()
    wait, idle = e.new_block(i64), e.new_block(i64)
    e.cond_br(e.icmp("sle", n, e.const(1)), done, [], arrive, [])
    e.at(arrive)
    gen_ptr = e.word(sync, LINE)
    gen = e.op(llvmx.LoadAtomicOp(gen_ptr, i64, "acquire"))
    before = e.op(llvmx.AtomicRMWOp("add", sync, e.const(1), "acq_rel"))
    e.cond_br(e.icmp("eq", before, e.op(llvm.SubOp(n, e.const(1)))), last, [], wait,
              [e.const(0)])
    e.at(last)
    e.op(llvmx.StoreAtomicOp(e.const(0), sync, "monotonic"))
    e.op(llvmx.StoreAtomicOp(e.op(llvm.AddOp(gen, e.const(1))), gen_ptr, "release"))
    e.br(done)
    e.at(wait)
    now = e.op(llvmx.LoadAtomicOp(gen_ptr, i64, "acquire"))
    e.cond_br(e.icmp("ne", now, gen), done, [], idle, [wait.args[0]])
    e.at(idle)
    e.backoff(idle.args[0], e.const(BARRIER_SPIN), wait)
    e.at(done)
    e.ret()
    return fn


def support_module(layout: PoolLayout = LAYOUT) -> ModuleOp:
    """The thread pool's native side: `webnn_worker` and `webnn_run`."""
    return ModuleOp([yield_declaration(), _worker(layout), _run(layout)])


def _slot(e: Emitter, state: SSAValue, k: SSAValue, layout: PoolLayout) -> SSAValue:
    """Address of worker slot k's word."""
    index = e.op(llvm.AddOp(e.const(layout.workers - LINE), e.op(llvm.MulOp(k, e.const(LINE)))))
    return e.word(state, index)


def _worker(layout: PoolLayout) -> llvm.FuncOp:
    """`webnn_worker(state, k) -> i64`: worker slot k's loop. Acknowledges claims, runs
    the jobs it is given; returns 0 to park (idle too long) or 1 when the pool quits.

    "Idle" counts from the last change of `activity`, which every call bumps as it starts
    and ends: a worker that missed a call (descheduled when it was claimed) keeps spinning
    for the next one instead of sliding into yields, where a busy OS would deschedule it
    again."""
    fn = Emitter.function(WORKER_FN, [PTR, i64], i64)
    e = Emitter(fn)
    state, k = e.args
    state.name_hint, k.name_hint = "state", "k"
    # Loop blocks carry (activity seen, idle count).
    wait, check, not_claimed, idle, more = (e.new_block(i64, i64), e.new_block(i64, i64),
                                            e.new_block(i64, i64), e.new_block(i64, i64),
                                            e.new_block(i64, i64))
    ack, park, run, parked, quit_ = (e.new_block(), e.new_block(i64), e.new_block(i64),
                                     e.new_block(), e.new_block())
    slot = _slot(e, state, k, layout)
    activity = e.word(state, layout.activity)
    # Back from parking (unless the runtime already made the slot idle or claimed it).
    e.op(llvmx.CmpXchgOp(slot, e.const(PARKED), e.const(IDLE), "acq_rel", "acquire"))
    e.br(wait, e.op(llvmx.LoadAtomicOp(activity, i64, "monotonic")), e.const(0))

    e.at(wait)
    stop = e.op(llvmx.LoadAtomicOp(e.word(state, layout.quit), i64, "acquire"))
    e.cond_br(e.icmp("ne", stop, e.const(0)), quit_, [], check, list(wait.args))

    e.at(check)
    value = e.op(llvmx.LoadAtomicOp(slot, i64, "acquire"))
    e.cond_br(e.icmp("eq", value, e.const(CLAIMED)), ack, [], not_claimed, list(check.args))
    e.at(ack)
    # Fails harmlessly if the caller gave up on this worker meanwhile.
    e.op(llvmx.CmpXchgOp(slot, e.const(CLAIMED), e.const(ACKED), "acq_rel", "acquire"))
    e.br(wait, e.op(llvmx.LoadAtomicOp(activity, i64, "monotonic")), e.const(0))
    e.at(not_claimed)
    e.cond_br(e.icmp("sge", value, e.const(RUN)), run, [value], idle, list(not_claimed.args))

    e.at(idle)
    seen, count = idle.args
    now = e.op(llvmx.LoadAtomicOp(activity, i64, "monotonic"))
    count = e.op(llvm.SelectOp(e.icmp("eq", now, seen), count, e.const(0)))
    spin = e.load(e.word(state, layout.spin))
    limit = e.op(llvm.AddOp(spin, e.load(e.word(state, layout.yields))))
    e.cond_br(e.icmp("ult", count, limit), more, [now, count], park, [now])
    e.at(more)
    e.backoff(more.args[1], spin, wait, more.args[0])
    e.at(park)
    swap = e.op(llvmx.CmpXchgOp(slot, e.const(IDLE), e.const(PARKED), "acq_rel", "acquire"))
    # A claim won the race: answer it.
    e.cond_br(swap.results[1], parked, [], wait, [park.args[0], e.const(0)])
    e.at(parked)
    e.ret(e.const(0))
    e.at(quit_)
    e.ret(e.const(1))

    e.at(run)
    tid = e.op(llvm.SubOp(run.args[0], e.const(RUN)))
    job = e.op(llvm.IntToPtrOp(e.load(e.word(state, layout.job_fn))))
    args = e.op(llvm.IntToPtrOp(e.load(e.word(state, layout.job_args))))
    team = e.load(e.word(state, layout.job_team))
    e.op(llvmx.CallIndirectOp(job, [args, tid, team, e.word(state, layout.sync)]))
    e.op(llvmx.StoreAtomicOp(e.const(IDLE), slot, "release"))
    e.br(wait, e.op(llvmx.LoadAtomicOp(activity, i64, "monotonic")), e.const(0))
    return fn


def _run(layout: PoolLayout) -> llvm.FuncOp:
    """`webnn_run(state, fn, args, want, patience) -> team`: run `fn(args, tid, team,
    sync)` on the caller (tid 0) and up to want - 1 workers.

    Idle workers are claimed, then the caller waits (at most `patience` backoff steps) for
    each to acknowledge, and withdraws the claims left unanswered: a worker the OS has not
    scheduled is not waited for. Only then is the team fixed, the tids handed out, and
    the job run; the call returns when every team member is done."""
    fn = Emitter.function(RUN_FN, [PTR, PTR, PTR, i64, i64], i64)
    e = Emitter(fn)
    state, job, args, want, patience = e.args
    for arg, name in zip(e.args, ("state", "fn", "args", "want", "patience")):
        arg.name_hint = name
    slots = e.load(e.word(state, layout.slots))
    activity = e.word(state, layout.activity)
    bump = lambda: e.op(llvmx.StoreAtomicOp(  # noqa: E731 (only this thread writes it)
        e.op(llvm.AddOp(e.op(llvmx.LoadAtomicOp(activity, i64, "monotonic")), e.const(1))),
        activity, "monotonic"))
    bump()

    # Claim idle workers, slot by slot, until want - 1 are claimed.
    claim, try_claim, acks = e.new_block(i64, i64), e.new_block(i64, i64), e.new_block(i64)
    e.br(claim, e.const(1), e.const(1))
    e.at(claim)
    k, team = claim.args
    enough = e.op(llvm.OrOp(e.icmp("sge", team, want), e.icmp("sgt", k, slots)))
    e.cond_br(enough, acks, [e.const(0)], try_claim, [k, team])
    e.at(try_claim)
    k, team = try_claim.args
    swap = e.op(llvmx.CmpXchgOp(_slot(e, state, k, layout), e.const(IDLE), e.const(CLAIMED),
                                "acq_rel", "monotonic"))
    grown = e.op(llvm.SelectOp(swap.results[1], e.op(llvm.AddOp(team, e.const(1))), team))
    e.br(claim, e.op(llvm.AddOp(k, e.const(1))), grown)

    # acks(count): while a claim is unanswered, back off, up to `patience` times.
    e.at(acks)
    count = acks.args[0]
    pending = _fold_slots(e, state, slots, layout, e.const(0),
                          lambda ptr, n: _add_if(e, n, ptr, CLAIMED))
    waiting, more, withdraw, assign = e.new_block(), e.new_block(), e.new_block(), e.new_block()
    e.cond_br(e.icmp("eq", pending, e.const(0)), assign, [], waiting, [])
    e.at(waiting)
    e.cond_br(e.icmp("ult", count, patience), more, [], withdraw, [])
    e.at(more)
    e.backoff(count, e.const(BARRIER_SPIN), acks)
    e.at(withdraw)

    def give_up(ptr, n):
        e.op(llvmx.CmpXchgOp(ptr, e.const(CLAIMED), e.const(IDLE), "acq_rel", "monotonic"))
        return n
    _fold_slots(e, state, slots, layout, e.const(0), give_up)
    e.br(assign)

    # The team: the caller and every worker that answered, numbered in slot order.
    e.at(assign)
    acked = _fold_slots(e, state, slots, layout, e.const(0),
                        lambda ptr, n: _add_if(e, n, ptr, ACKED))
    team = e.op(llvm.AddOp(acked, e.const(1)))
    e.store(e.op(llvm.PtrToIntOp(job, i64)), e.word(state, layout.job_fn))
    e.store(e.op(llvm.PtrToIntOp(args, i64)), e.word(state, layout.job_args))
    e.store(team, e.word(state, layout.job_team))

    def start(ptr, tid):
        go, after = e.new_block(), e.new_block(i64)
        is_acked = e.icmp("eq", e.op(llvmx.LoadAtomicOp(ptr, i64, "monotonic")),
                          e.const(ACKED))
        e.cond_br(is_acked, go, [], after, [tid])
        e.at(go)
        # Release: the job's fields are visible to the worker that reads its tid.
        e.op(llvmx.StoreAtomicOp(e.op(llvm.AddOp(tid, e.const(RUN))), ptr, "release"))
        e.br(after, e.op(llvm.AddOp(tid, e.const(1))))
        e.at(after)
        return after.args[0]
    _fold_slots(e, state, slots, layout, e.const(1), start)
    e.op(llvmx.CallIndirectOp(job, [args, e.const(0), team, e.word(state, layout.sync)]))

    # Join: wait until no slot runs the job (a worker stores IDLE when done).
    def join(ptr, n):
        check, wait, after = e.new_block(i64), e.new_block(i64), e.new_block()
        e.br(check, e.const(0))
        e.at(check)
        busy = e.icmp("sge", e.op(llvmx.LoadAtomicOp(ptr, i64, "acquire")), e.const(RUN))
        e.cond_br(busy, wait, [check.args[0]], after, [])
        e.at(wait)
        e.backoff(wait.args[0], e.const(BARRIER_SPIN), check)
        e.at(after)
        return n
    _fold_slots(e, state, slots, layout, e.const(0), join)
    bump()
    e.ret(team)
    return fn


def _fold_slots(e: Emitter, state: SSAValue, slots: SSAValue, layout: PoolLayout,
                init: SSAValue, body) -> SSAValue:
    """A loop over slots k = 1..slots carrying one i64: `acc = body(address of slot k,
    acc)`; returns the final value and continues after the loop."""
    head, loop, after = e.new_block(i64, i64), e.new_block(i64, i64), e.new_block(i64)
    e.br(head, e.const(1), init)
    e.at(head)
    k, acc = head.args
    e.cond_br(e.icmp("sgt", k, slots), after, [acc], loop, [k, acc])
    e.at(loop)
    k, acc = loop.args
    new = body(_slot(e, state, k, layout), acc)
    e.br(head, e.op(llvm.AddOp(k, e.const(1))), new)
    e.at(after)
    return after.args[0]


def _add_if(e: Emitter, n: SSAValue, ptr: SSAValue, value: int) -> SSAValue:
    """n + (the slot at ptr holds `value`), read with acquire."""
    hit = e.icmp("eq", e.op(llvmx.LoadAtomicOp(ptr, i64, "acquire")), e.const(value))
    return e.op(llvm.AddOp(n, e.op(llvm.ZExtOp(hit, i64))))
