package config

// pythonSection is docs/CONFIG.md's "From the Python tool": how files of
// the Python simulator (github.com/ChrisHenryOC/let_it_ride, its
// config/models.py) are read.
const pythonSection = `
## From the Python tool

Files written for the Python simulator load unchanged (` + "`lir run --config`, `lir validate`" + `, the
page's import), with the meaning its code gives them. A file is read in its form when it
uses something only its schema has: ` + "`simulation.workers: \"auto\"`, `simulation.detailed_logging`" + `,
` + "`output.timestamp_format`" + `, ` + "`output.formats.csv`/`json`/`html`" + `, ` + "`output.visualizations`" + ` or
` + "`output.console`" + ` given as objects, ` + "`bonus_strategy.paytable`, `bonus_strategy.combined`" + `, or
` + "`base_amount`/`scaling`/`conditions`" + ` or an ` + "`action`" + ` object in a bonus section, or a custom
rule with the condition ` + "`\"default\"`" + `. Such a file
takes the Python tool's defaults for the keys it does not give, and may only use its keys
(a file cannot mix the two forms; the error names the key and the construct that chose its
form). A file with none of these is read as ours. All 61 ` + "`configs/**`" + ` files of its repository
load.

| its key | here |
|---|---|
| ` + "`metadata.*`" + ` | the same |
| ` + "`simulation.num_sessions`, `hands_per_session`, `random_seed`" + ` | the same |
| ` + "`simulation.workers`" + ` | ` + "`\"auto\"`" + ` (its default) is every core (` + "`0`" + `); a number is the same |
| ` + "`simulation.progress_interval`" + ` | the same (its default 10000) |
| ` + "`simulation.detailed_logging`" + ` | ` + "`true`" + ` writes its per-hand file (` + "`output.python.csv.include_hands`" + `); refused when its CSV output is disabled |
| ` + "`deck.shuffle_algorithm`, `dealer.*`, `table.num_seats`" + ` | the same; its stopped seats sit out (` + "`table.seat_mode: sit_out`" + `) |
| ` + "`bankroll.starting_amount`, `base_bet`" + ` | the same |
| ` + "`bankroll.stop_conditions.win_limit`, `loss_limit`, `max_hands`, `stop_on_insufficient_funds`" + ` | the same; not given means none (its defaults), not our $250 / $200 |
| ` + "`bankroll.stop_conditions.max_duration_minutes`" + ` | refused: its code never applies it (its sessions have no pace) |
| ` + "`bankroll.betting_system.*`" + ` (every system) | its progressions judge a hand by main plus bonus: ` + "`progression_basis: total`" + `; its section defaults apply (max_bet 500, …) |
| ` + "`martingale.max_progressions`" + ` N | N levels counting the base bet: the bet rises N−1 times, then holds at base × multiplier^(N−1) until a win (its ` + "`record_result`" + `): ` + "`max_progressions: N−1`, `at_max_progressions: hold`" + `; N = 1 is a flat bet |
| ` + "`martingale.reset_on_win`, `reverse_martingale.reset_on_loss`" + ` | its code always resets; ` + "`true`" + ` is taken, ` + "`false`" + ` refused |
| ` + "`reverse_martingale.profit_target_streak`" + `, ` + "`paroli.*`" + ` | the same (its default streak 3) |
| ` + "`dalembert.unit`, `min_bet`, `max_bet`" + ` | the same; a ` + "`min_bet`" + ` below the base bet lowers ` + "`bankroll.table_min`" + ` to it |
| ` + "`dalembert.decrease_unit`" + ` | its code takes ` + "`unit`" + ` off after a win: equal to unit is taken, another value refused |
| ` + "`fibonacci.unit`, `win_regression`, `max_bet`" + ` | the same; its unit (default 5) is not the base bet |
| ` + "`fibonacci.max_position`" + ` N | its positions count from 0 and stop at 19 (its table has 20 numbers): our ` + "`max_position`" + ` min(N, 19) + 1 |
| ` + "`proportional.bankroll_percentage`" + ` | a fraction there (0.03), a percentage here (3); its code could not run proportional betting, its schema's meaning is kept |
| ` + "`custom.expression`" + ` (betting) | read as our expression (its code could not run it); Python-only syntax is refused with the column |
| ` + "`strategy.type`" + ` basic, always_ride, always_pull, custom | the same |
| ` + "`strategy.type`" + ` conservative, aggressive | the rule lists its code plays (its ` + "`strategy/presets.py`" + `), written as our custom rules: conservative rides a paying hand, aggressive a paying hand, a flush draw or a straight draw, at both bets. Their parameters (` + "`made_hands_only`, `min_strength_bet1`/`2`, `ride_on_draws`, `include_gutshots`, `include_backdoor_flush`" + `) changed nothing there: its defaults (true, 7, 5; all true) are taken, another value refused |
| ` + "`strategy.custom.*_rules[].condition`" + ` | read as our expression, each field of its hand analysis with its meaning: ` + "`high_cards`, `suited_cards`, `is_flush_draw`, `is_straight_draw`, `is_straight_flush_draw`, `has_paying_hand`" + ` are ours (the same on every 3- and 4-card hand); ` + "`has_pair`, `has_high_pair`" + ` (one pair only), ` + "`has_trips`" + ` (exactly three), ` + "`is_royal_draw`" + ` (a flush draw with three cards ten or higher, the ace among them) and ` + "`is_open_straight_draw`, `is_inside_straight_draw`" + ` (false with three cards) become the expression of ours equal to its definition on every hand; a rule reading ` + "`connected_cards`, `gaps`" + ` (defined by a five-rank window there), ` + "`suited_high_cards`" + ` (there it depends on the order the cards were dealt), ` + "`straight_flush_spread` or `is_excluded_sf_consecutive`" + ` is refused. Its catch-all ` + "`\"default\"`" + ` is ` + "`true`" + ` |
| ` + "`bonus_strategy.enabled`, `type`, `always.amount`, `static.amount`" + ` | the same (its defaults: disabled, $1) |
| ` + "`bonus_strategy.static.ratio`" + ` | one seat: a share of this hand's per-circle bet, as ours (its session passes that bet); several seats: a bonus fixed at the start, ` + "`static.amount`" + ` = base_bet × ratio (its ` + "`calculate_bonus_bet`" + `) |
| ` + "`bonus_strategy.paytable`" + ` | its code pays by ` + "`paytables.bonus.type`" + ` and never read this key: the same value is taken, another refused |
| ` + "`bonus_strategy.limits`" + ` | honoured as given (its code never read them); keys not given take what its code did: one seat no bonus below $1 and at most $100, several seats no limit; no increment |
| ` + "`bonus_strategy.bankroll_conditional`" + ` | its rule, written as our ` + "`bonus_strategy.custom`" + ` expression: no bet when session profit < min_session_profit (default 0), bankroll / starting < min_bankroll_ratio or (starting − bankroll) / starting > max_drawdown (default 0.25, a share of the starting bankroll, not of the peak); else the first ` + "`scaling.tiers`" + ` entry (when ` + "`scaling.enabled`" + `) with min_profit ≤ profit < max_profit, else base_amount; ` + "`profit_percentage`" + ` (a fraction) × profit replaces it when ahead; below $1 no bet, at most $100. Refused with more than one seat, as its schema does |
| ` + "`bonus_strategy.streak_based`" + ` | its rule, as ` + "`streak_based.python`" + ` (above): base_amount is ` + "`amount`" + `, streak_length the same, every trigger and reset_on of its (main, bonus or any; win or loss; never), action type and value, max_multiplier; its count is of trigger hands, not necessarily in a row, and only reset_on clears it. A bonus hand that pays 0 (a custom bonus paytable with a 0) is refused with it: its code counted it lost |
| ` + "`bonus_strategy.session_conditional`, `custom`" + ` | refused: its code could not run them (NotImplementedError); write them in our form |
| ` + "`bonus_strategy.combined`" + ` | refused: it sizes the bonus by decisions made after the cards are seen |
| ` + "`paytables.main_game.type`" + ` | standard and custom as ours (its code ran only standard); liberal and tight refused (it has no such tables) |
| ` + "`paytables.bonus.type`, `custom`" + ` | the same, but its ` + "`paytable_c`" + ` is a fixed table (mini royal 1000, straight flush 200, 30, 6, 4, 1 to 1: its ` + "`bonus_paytable_c`" + `), written as our custom table, not our progressive jackpot |
| ` + "`paytables.bonus.progressive`" + ` | refused: its code never reads it |
| ` + "`output.directory`, `prefix`" + ` | the same (its defaults ` + "`./results`, `simulation`" + `) |
| ` + "`output.timestamp_format`" + ` | its code never put the time in a name: its default is taken, another refused |
| ` + "`output.formats.csv/json/html`, `output.visualizations`, `output.console`" + ` | ` + "`output.python`" + ` (above), its files written its way; our own formats are off; ` + "`console.show_summary`" + ` is ` + "`output.console`" + ` |
| ` + "`output.visualizations.charts`" + ` | each chart a file in ` + "`charts/`" + `, drawn as its plotting code draws it (docs/RESULTS.md); ` + "`strategy_comparison`" + ` is refused (a run plays one strategy: use ` + "`lir compare`" + ` or ` + "`lir study`" + `), and ` + "`bonus_impact`" + ` in a file that places no bonus bet |

Where its code is wrong we keep the correct behaviour: the basic strategy is the published
chart (its bet-2 decisions differ on some hands); a bet is capped so that all three circles
and the bonus are covered (its cap per circle lets three circles overdraw); bets are whole
cents (its base × 1.5^k leaves fractions of a cent); a hand that pays 0 to 1 is a push, not a
lost stake; four of a kind at bet 2 is a paying hand in a rule (its ` + "`has_paying_hand`" + ` misses it).

Changed for it: ` + "`martingale.at_max_progressions`" + ` (new; default ` + "`reset`" + `, so our own files keep
their meaning).
`
