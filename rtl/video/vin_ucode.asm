; vin_ucode.asm - the shared meter engine's program. vin_engine.v runs it; docs/sync.md,
; "Shared engine", explains the design; tools/vin_ucasm.py turns it into vin_ucode.vh.
;
; The rules are sync_input + sync_line + sync_sep + sync_meter's, restated for events: the
; state holds time stamps, and each rule is evaluated when something happens (an HS or VS
; edge, a predicted line start, an active HS run reaching P/4, an overrun, the poll).
;
; Machine: one instruction a cycle, 16 bits, in block RAM (512 words).
;   Each port's state is 16-bit words in the engine's state RAM (.word); an instruction
;   reads one word (Q) and may write one. Its one-bit flags are the register F (.bit),
;   loaded at the start of a service and stored at its end. A is the accumulator. Flags
;   C (no borrow: A >= operand), Z and N (bit 15) come from the last arithmetic
;   instruction, TB from the last tst. K is a constant (a number or @PARAM, REF_HZ-
;   dependent values from vin_engine.v): for the immediate instructions a state word of
;   its own (from word 40 up, set at configuration, read as Q), for sti and incs an entry
;   of a small table in the engine.
;   No bypass: an instruction must not read (ld, add, ..., incs, decs) the word that the
;   instruction just before it writes; the assembler checks this.
;
;   ld/add/sub/cmp W    A = Q, A + Q, A - Q, flags of A - Q
;   tsub W              A = T - Q (T = the action's time)
;   incs W, K / decs W  W = A = Q + 1 unless Q == K;  W = A = Q - 1 unless Q == 0
;   st/stt/stth W       W = A, T[15:0], T[23:10];   sti W, K    W = K
;   ldi/addi/cmpi/andi K, shr n (n = 2, 3 or 4)
;   clamp K             A = (TB or A >= K) ? K : A
;   tst F.b             TB = F.b;   bw F.b, SRC     F.b = 0, 1, tb, ntb, c, z, nz, rise,
;                       nrise (SRC)
;   bb F.b, L / bnb F.b, L   branch if F.b is 1 / 0
;   br [COND,] L / call L / ret (one level: a subroutine calls none; the assembler
;                       checks); COND: c nc z nz n nn ntb, the action's edge (evs ehs
;                       rise lvl nlvl), ovr, full (MAX_EDGES taken), pdue (the port's
;                       poll is due)
;   clre / clro         the edge's slot / the overrun flag is consumed (counts an edge)
;   next                this action is done: the engine picks the next (entry DEC) if
;                       an edge, the overrun, the poll or F.dirty is pending, else the
;                       service ends (F stored)
;   out                 F[30:24] to the port's flag outputs (but F[26], locked), F
;                       stored, the service ends
;   end                 F stored, the service ends (no poll was due)
;   rdlo/rdhi           read data [15:0] / [31:16] = A;  rdfl  [15:0] = {A[7:0], F[31:24]}
;   rdack               answer the read (the engine goes idle)
;
; Entry points: DEC (every action; T, the edge and the slot flags are set by the engine's
; selection stage) and RD0 + register (a register read of the port; VIDIN PORT_* layout).

.const TOL 2
.const LATE 3
.const LOCK_LINES 32
.const MISS_MAX 24
.const PEN_MAX 32
.const STAB_TOL 2
.const N_STABLE 3
.const PMAX 8191
.const LMAX 2047

.param LINE_MIN 0
.param LINE_MAX 1
.param PRES 2
.param VS_TO 3

; ---- per-port state: words
.word FL 0           ; F[15:0]   (stored by the engine)
.word FL2 1          ; F[31:16]
.word TMP 2
.word TMP2 3
.word RUN 4          ; this HS edge's run (ticks, PMAX = too long); VS: in 1024 ticks
.word POS 5          ; this edge's time since the line start (PMAX = too long)
.word HS_T 6         ; last HS edge
.word HS_LOW 7       ; last complete low HS run
.word HVOTE 8        ; HS polarity vote 0..15
.word VS_TC 9        ; last VS edge (1024-tick units)
.word VS_LOW 10
.word VVOTE 11       ; VS polarity vote 0..3
.word T_LINE 12      ; last line start (real or predicted); acquiring: last leading edge
.word PER 13         ; P
.word ACQ 14
.word MISS 15
.word PEN 16
.word ACC 17         ; predictor fraction
.word T_SEG 18       ; start of the 16-line segment
.word NSEG 19
.word SPAN 20        ; 16 real line periods, 0 until measured
.word HSW 21         ; hsync width
.word SINCE_V 22     ; lines since the vertical start, 16 = armed
.word LCNT 23
.word ALT 24
.word PREV_TICKS 25
.word PREV_FRAME 26
.word STAB 27
.word LFIELD 28
.word LFRAME 29
.word LOSS 30
.word T_ACT 31       ; last edge on either pin
.word PRED_T 32      ; the predicted line start (kept with T_LINE, PER, SPAN, ACC)
.word ACCS 33        ; ACC + SPAN[3:0]: bit 4 makes the predicted line one tick longer
.word LONG_T 34      ; HS_T + P/4: when the active run reaches P/4
.init HVOTE 8
.init VVOTE 2

; ---- per-port state: flags (F)
.bit F.hs_have 0
.bit F.hpol 1
.bit F.hs_stale 2
.bit F.hs_lo 3
.bit F.vs_have 4
.bit F.vpol 5
.bit F.vs_seen 6     ; a VS edge within VS_TO: separate sync
.bit F.vs_stale 7
.bit F.locked 8
.bit F.line_stale 9
.bit F.last_real 10
.bit F.seg_on 11
.bit F.span_ok 12
.bit F.run_line 13   ; the current active HS run began with an accepted hsync
.bit F.long_done 14  ; the current active run reached P/4 (handled)
.bit F.lead_mid 15   ; the current active run began mid-line
.bit F.field 16
.bit F.vseen 17
.bit F.ilace 18
.bit F.present 19
.bit F.vf 20         ; scratch: field of a vertical start, or "mid"
.bit F.lead 21       ; scratch: this HS edge is a leading edge
.bit F.vst 22        ; scratch: this VS edge starts a frame
.bit F.sf 23         ; scratch: same line count as the last frame
.bit F.dirty 31      ; the flags may have changed: refresh the outputs (POLL) at the end
.bit F.o_present 24  ; F[31:24]: the FLAGS byte (out: the matrix flags)
.bit F.o_ok 25
.bit F.o_locked 26
.bit F.o_ilace 27
.bit F.o_hpol 28
.bit F.o_vpol 29
.bit F.o_csync 30
.bit F.o_field 31    ; (FBYTE's scratch; F[31] is F.dirty outside it)

.entry DEC
.entry RD0

; ==== decision: the overrun, a due long pulse, a due predicted line, the oldest edge, or
; (no edge left) the poll if it is due, in that order
DEC:    br full, D_END
        br ovr, OVR
        bnb F.locked, D_EDGE
        bb F.long_done, D_NL
        bb F.hs_lo, D_A1         ; active = hs_lo xor hpol
        bnb F.hpol, D_NL
        br D_A2
D_A1:   bb F.hpol, D_NL
D_A2:   bb F.hs_stale, D_LD      ; (LONG_T = HS_T + P/4: set where an active run begins)
        tsub LONG_T
        br n, D_NL
D_LD:   tsub PRED_T              ; long due: first, unless the prediction is due and earlier
        br n, LONG
        cmpi 2
        br nc, LONG
        ld PRED_T
        addi 1
        sub LONG_T
        br n, PRED
        br LONG
D_NL:   tsub PRED_T              ; prediction due: T - pred_t in 2..32767
        br nn, D_P
D_EDGE: br evs, VS
        br ehs, HS
        br pdue, POLL
        bb F.dirty, POLL
D_END:  end
D_P:    cmpi 2
        br c, PRED
        br D_EDGE

; ==== overrun: edges were lost, noise on this port
OVR:    clro
        bnb F.locked, O_1
        call UNLOCK
O_1:    sti ACQ, 0
        bw F.line_stale, 1
        bw F.hs_stale, 1
        bw F.present, 1
        stt T_ACT
        next

; ==== no hsync came: a predicted line start
PRED:   ld PRED_T
        st T_LINE
        bw F.last_real, 0
        bw F.seg_on, 0
        ld ACCS
        andi 15
        st ACC
        incs MISS, MISS_MAX + 1
        ld PEN
        addi 2
        st PEN
        call LINE_START
        ld MISS
        cmpi MISS_MAX + 1
        br c, P_UNL
        ld PEN
        cmpi PEN_MAX
        br c, P_UNL
        call CALC_PRED
        next
P_UNL:  call UNLOCK
        next

; ==== the active HS run reached P/4: a composite vertical pulse
LONG:   bw F.long_done, 1
        bb F.vs_seen, L_END
        ld SINCE_V
        cmpi 16
        br nc, L_END
        tst F.lead_mid
        bw F.vf, tb
        call VSTART
L_END:  next

; ==== a VS edge (separate sync)
VS:     clre
        bw F.vst, 0              ; the leading edge starts a frame (old flags)
        bnb F.vs_seen, V_1
        bnb F.locked, V_1
        ld SINCE_V
        cmpi 16
        br nc, V_1
        bb F.vpol, V_2
        br lvl, V_1
        br V_3
V_2:    br nlvl, V_1
V_3:    bw F.vst, 1
V_1:    tst F.line_stale         ; POS, for the field of a vertical start
        tsub T_LINE
        clamp PMAX
        st POS
        stth TMP                 ; RUN = the VS run in 1024-tick units: T[23:10] - VS_TC
        tst F.vs_stale
        ld TMP
        sub VS_TC
        andi 16383               ; (14 bits)
        clamp LMAX
        st RUN
        stth VS_TC
        bw F.vs_stale, 0
        bw F.present, 1
        stt T_ACT
        bw F.vs_seen, 1
        br lvl, V_LOW            ; a low run ended
        bnb F.vs_have, V_DONE    ; a high run ended: vote
        ld RUN
        cmpi LMAX
        br z, V_DONE
        ld VS_LOW
        cmp RUN
        br c, V_UP
        ld VVOTE                 ; the low run was shorter: towards active low
        cmpi 2
        br c, V_4
        bw F.vpol, 0
V_4:    decs VVOTE
        br V_DONE
V_UP:   ld VVOTE
        cmpi 2
        br nc, V_5
        bw F.vpol, 1
V_5:    incs VVOTE, 3
        br V_DONE
V_LOW:  ld RUN
        st VS_LOW
        cmpi LMAX
        bw F.vs_have, nz
V_DONE: bnb F.vst, V_END
        call MID
        call VSTART
V_END:  next

; ==== an HS edge
HS:     clre
        bb F.hpol, H_1           ; leading edge: the level became the (old) polarity
        bw F.lead, nrise
        br H_2
H_1:    bw F.lead, rise
H_2:    tst F.hs_stale           ; RUN: the run this edge ends
        tsub HS_T
        clamp PMAX
        st RUN
        stt HS_T
        bw F.hs_stale, 0
        bw F.hs_lo, nrise
        bw F.present, 1
        stt T_ACT
        br rise, H_LOW           ; a low run ended
        bnb F.hs_have, H_VD      ; a high run ended: vote
        ld RUN
        cmpi PMAX
        br z, H_VD
        ld HS_LOW
        cmp RUN
        br c, H_UP
        ld HVOTE
        cmpi 2
        br c, H_3
        bnb F.hpol, H_3          ; (already active low)
        bw F.hpol, 0
        call SET_LONG
H_3:    decs HVOTE
        br H_VD
H_UP:   ld HVOTE
        cmpi 14
        br nc, H_4
        bb F.hpol, H_4           ; (already active high)
        bw F.hpol, 1
        call SET_LONG
H_4:    incs HVOTE, 15
        br H_VD
H_LOW:  ld RUN
        st HS_LOW
        cmpi PMAX
        bw F.hs_have, nz
H_VD:   bnb F.lead, H_TRL
        tst F.line_stale         ; leading edge (sync_line). POS: since the line start
        tsub T_LINE
        clamp PMAX
        st POS
        bw F.run_line, 0
        bw F.long_done, 0
        call SET_LONG
        bb F.locked, H_LK
        ld POS                   ; acquiring: |POS - PER| <= TOL, inside LINE_MIN..LINE_MAX
        sub PER
        addi TOL
        cmpi 2 * TOL + 1
        br c, A_NO
        ld POS
        cmpi @LINE_MIN
        br nc, A_NO
        cmpi @LINE_MAX
        br z, A_OK
        br c, A_NO
A_OK:   ld ACQ
        cmpi LOCK_LINES - 1
        br z, A_LOCK
        incs ACQ, LOCK_LINES
        br A_ST
A_NO:   sti ACQ, 0
A_ST:   ld POS
        st PER
        stt T_LINE
        bw F.line_stale, 0
        next
A_LOCK: bw F.locked, 1
        bw F.dirty, 1
        sti ACQ, 0
        bw F.lead_mid, 0
        bw F.run_line, 1
        bw F.last_real, 1
        sti MISS, 0
        sti PEN, 0
        sti ACC, 0
        call LINE_START
        sti SINCE_V, 16
        call REAL_LINE
        ld POS
        st PER
        stt T_LINE
        bw F.line_stale, 0
        call CALC_PRED
        next
H_LK:   bb F.last_real, H_WIN    ; late: just after a predicted start (silent resync)
        ld POS
        cmpi LATE + 1
        br nc, H_REAL
H_WIN:  ld PER                   ; on time: POS >= P - P/8, i.e. POS + P/8 >= P
        shr 3
        add POS
        cmp PER
        br nc, H_MID
        call LINE_START
H_REAL: stt T_LINE
        bw F.lead_mid, 0
        bw F.run_line, 1
        sti ACC, 0
        sti MISS, 0
        call REAL_LINE
        tst F.last_real
        bw F.last_real, 1
        br ntb, H_GOOD
        ld POS                   ; after a real line: the period must match
        sub PER
        addi TOL
        cmpi 2 * TOL + 1
        br c, H_BAD
        ld POS
        st PER
H_GOOD: decs PEN
        call PRED_REAL
        next
H_BAD:  ld PEN
        addi 4
        st PEN
        cmpi PEN_MAX
        br c, H_UNL
        call CALC_PRED
        next
H_UNL:  call UNLOCK
        next
H_MID:  call MID                 ; a half-line pulse, serration or noise
        tst F.vf
        bw F.lead_mid, tb
        next
H_TRL:  bnb F.locked, H_END      ; trailing edge of a real hsync: its width
        bnb F.run_line, H_END
        ld RUN                   ; (the same width as before: nothing to do)
        cmp HSW
        br z, H_END
        ld PER
        shr 2
        st TMP
        ld RUN
        cmp TMP
        br c, H_END
        ld HSW
        br z, H_W
        shr 2
        st TMP
        ld HSW
        sub TMP
        st TMP
        ld RUN
        cmp TMP
        br nc, H_END
H_W:    ld RUN
        st HSW
H_END:  next

; ==== the poll: flags out (old values), then the timeouts; the service ends
POLL:   tsub T_ACT               ; present := present and an edge within PRES
        cmpi @PRES
        br nc, Q_1
        bw F.present, 0
Q_1:    call FBYTE
        tsub HS_T
        cmpi 16384
        br nc, Q_2
        bw F.hs_stale, 1
Q_2:    bb F.locked, Q_3
        tsub T_LINE
        cmpi 16384
        br nc, Q_3
        bw F.line_stale, 1
Q_3:    stth TMP                 ; the VS idle time in 1024 ticks (14 bits)
        bw F.dirty, 0
        ld TMP
        sub VS_TC
        andi 16383
        cmpi @VS_TO
        br nc, Q_4
        bw F.vs_seen, 0
Q_4:    cmpi 2048
        br nc, Q_5
        bw F.vs_stale, 1
Q_5:    out

; ==== register reads (entry RD0 + register): 0 FLAGS, 1 LINE, 2 LINES, 3 HS
RD0:    br R_FL
        br R_LINE
        br R_LINES
R_HS:   ld HSW
        rdlo
        call TICKS
        rdhi
        rdack
R_LINE: ld SPAN
        rdlo
        ldi 0
        rdhi
        rdack
R_LINES: ld LFRAME
        rdlo
        ld LFIELD
        rdhi
        rdack
R_FL:   call FBYTE
        ld LOSS
        rdfl
        ldi 0
        rdhi
        rdack

; ==== subroutines (one level of call: they call none; UNLOCK and LINE_START jump to
; METER_CLEAR, whose ret returns to their caller)
FBYTE:                           ; F[31:24] = the FLAGS byte, from the state
        tst F.present
        bw F.o_present, tb
        bw F.o_ok, 0
        tst F.locked
        bw F.o_locked, tb
        br ntb, FB_1
        bnb F.present, FB_1
        ld STAB
        cmpi N_STABLE
        bw F.o_ok, z
FB_1:   tst F.ilace
        bw F.o_ilace, tb
        tst F.hpol
        bw F.o_hpol, tb
        bw F.o_vpol, tb
        tst F.vs_seen
        bw F.o_csync, ntb
        br ntb, FB_2
        tst F.vpol
        bw F.o_vpol, tb
FB_2:   tst F.field
        bw F.o_field, tb
        ret
LINE_START:                      ; a regenerated line start (real or predicted)
        incs SINCE_V, 16
        ld LCNT
        cmpi LMAX - 1
        br z, METER_CLEAR        ; no vertical sync for too long
        incs LCNT, LMAX
        ret
METER_CLEAR:
        sti LCNT, 0
        bw F.vseen, 0
        sti ALT, 0
        sti STAB, 0
        sti LFIELD, 0
        sti LFRAME, 0
        bw F.ilace, 0
        ret
UNLOCK: bw F.dirty, 1
        bw F.locked, 0
        sti ACQ, 0
        incs LOSS, 255
        sti SPAN, 0
        bw F.span_ok, 0
        bw F.seg_on, 0
        sti HSW, 0
        sti SINCE_V, 16
        br METER_CLEAR
REAL_LINE:                       ; an accepted hsync: the 16-line span
        bnb F.seg_on, RL_NEW
        ld NSEG
        cmpi 15
        br z, RL_END
        incs NSEG, 15
        ret
RL_END: tsub T_SEG
        st SPAN
        bw F.span_ok, 1
RL_NEW: stt T_SEG
        sti NSEG, 0
        bw F.seg_on, 1
        ret
SET_LONG:                        ; LONG_T = HS_T + P/4 (an active run begins at HS_T)
        ld PER
        shr 2
        add HS_T
        st LONG_T
        ret
MID:    bw F.vf, 0               ; POS in P/4 .. P - P/4 (a mid-line edge)
        ld PER
        shr 2
        st TMP
        ld POS
        cmp TMP
        br nc, M_END
        ld PER
        sub TMP
        st TMP
        ld POS
        cmp TMP
        br z, M_YES
        br c, M_END
M_YES:  bw F.vf, 1
M_END:  ret
TICKS:  ld SPAN                  ; A = SPAN / 16, rounded: the line in ticks
        andi 8
        br z, T_1
        ld SPAN
        shr 4
        addi 1
        ret
T_1:    ld SPAN
        shr 4
        ret
PRED_REAL:                       ; CALC_PRED after a real line (ACC = 0: no carry)
        ld SPAN
        andi 15
        st ACCS
        bb F.span_ok, PR_1
        ld PER
        add T_LINE
        st PRED_T
        ret
PR_1:   ld SPAN
        shr 4
        add T_LINE
        st PRED_T
        ret
CALC_PRED:                       ; PRED_T = T_LINE + P (SPAN / 16 once measured) + carry
        ld SPAN
        andi 15
        add ACC
        st ACCS
        bb F.span_ok, CP_1
        ld PER
        br CP_2
CP_1:   ld SPAN
        shr 4
CP_2:   add T_LINE
        st PRED_T
        ld ACCS
        andi 16
        br z, CP_3
        ld PRED_T
        addi 1
        st PRED_T
CP_3:   ret
VSTART:                          ; vertical start, field F.vf
        sti SINCE_V, 0
        bnb F.vseen, VS_F
        bb F.vf, VS_1            ; ALT: how many starts in a row alternated the field
        bb F.field, VS_ALT
        br VS_NA
VS_1:   bb F.field, VS_NA
VS_ALT: incs ALT, 3
        br VS_2
VS_NA:  sti ALT, 0
        ldi 0
VS_2:   cmpi 2
        bw F.ilace, c            ; interlaced: two alternations
        ld LCNT                  ; lines of the frame: two fields when interlaced
        bnb F.ilace, VS_3
        add LFIELD
VS_3:   st TMP
        ld LCNT
        st LFIELD
        ld TMP
        st LFRAME
        cmp PREV_FRAME
        bw F.sf, z
        ld TMP
        st PREV_FRAME
        ld SPAN                  ; TMP2 = TICKS (inline: one level of call)
        andi 8
        br z, VS_T1
        ld SPAN
        shr 4
        addi 1
        br VS_T2
VS_T1:  ld SPAN
        shr 4
VS_T2:  st TMP2
        sub PREV_TICKS
        addi STAB_TOL
        cmpi 2 * STAB_TOL + 1
        br c, VS_S0
        bnb F.sf, VS_S0
        incs STAB, N_STABLE
        br VS_4
VS_S0:  sti STAB, 0
VS_4:   ld TMP2
        st PREV_TICKS
VS_F:   tst F.vf
        bw F.field, tb
        sti LCNT, 0
        bw F.vseen, 1
        ret
