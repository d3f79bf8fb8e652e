package export

import (
	"bufio"
	"io"
	"strconv"

	"github.com/lir-lab/lir/engine/sim"
)

// SessionHeader and HandHeader are the first lines of the two files.
const (
	SessionHeader = "session,seat,player,hands,profit,peak,trough,max_drawdown,bonus_net,outcome,stop_reason\n"
	HandHeader    = "session,seat,hand,cards,bet,bonus_bet,ride_bet1,ride_bet2,category,bonus_category,main_net,bonus_net,bankroll\n"
)

// CSV writes the records of the kinds asked for, without headers (the
// caller writes them once, ahead of every range's rows). Money is in
// currency units with two decimals; session and seat numbers are as in
// the results document (sessions from 0, seats from 1). player counts the
// players a seat hosted in the session (replace mode), from 0. cards are
// the seat's three cards then the two community cards.
type CSV struct {
	sessions, hands *bufio.Writer
	buf             []byte
	lastSession     uint64
	players         [8]int
}

// NewCSV returns an observer writing session rows to sessions and hand
// rows to hands; either may be nil.
func NewCSV(sessions, hands io.Writer) *CSV {
	c := &CSV{lastSession: ^uint64(0)}
	if sessions != nil {
		c.sessions = bufio.NewWriterSize(sessions, 64<<10)
	}
	if hands != nil {
		c.hands = bufio.NewWriterSize(hands, 256<<10)
	}
	return c
}

// Flush writes out what is buffered.
func (c *CSV) Flush() error {
	if c.sessions != nil {
		if err := c.sessions.Flush(); err != nil {
			return err
		}
	}
	if c.hands != nil {
		return c.hands.Flush()
	}
	return nil
}

// AppendCents formats cents as currency with two decimals.
func AppendCents(b []byte, v int64) []byte {
	u := uint64(v)
	if v < 0 {
		b = append(b, '-')
		u = uint64(-v)
	}
	b = strconv.AppendUint(b, u/100, 10)
	r := u % 100
	return append(b, '.', byte('0'+r/10), byte('0'+r%10))
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, '1')
	}
	return append(b, '0')
}

// Session writes one session row.
func (c *CSV) Session(s *sim.SessionRecord) {
	if s.Session != c.lastSession {
		c.lastSession = s.Session
		c.players = [8]int{}
	}
	player := c.players[s.Seat]
	c.players[s.Seat]++
	if c.sessions == nil {
		return
	}
	b := c.buf[:0]
	b = strconv.AppendUint(b, s.Session, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.Seat), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(player), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, s.Hands, 10)
	for _, v := range [...]int64{s.Profit, s.Peak, s.Trough, s.Drawdown, s.Bonus} {
		b = append(b, ',')
		b = AppendCents(b, v)
	}
	b = append(b, ',')
	switch {
	case s.Profit > 0:
		b = append(b, sim.OutcomeNames[sim.OutcomeWin]...)
	case s.Profit < 0:
		b = append(b, sim.OutcomeNames[sim.OutcomeLoss]...)
	default:
		b = append(b, sim.OutcomeNames[sim.OutcomePush]...)
	}
	b = append(b, ',')
	b = append(b, s.Reason.String()...)
	b = append(b, '\n')
	c.sessions.Write(b)
	c.buf = b
}

// Hand writes one hand row.
func (c *CSV) Hand(h *sim.HandRecord) {
	if c.hands == nil {
		return
	}
	b := c.buf[:0]
	b = strconv.AppendUint(b, h.Session, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(h.Seat), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, h.Hand, 10)
	b = append(b, ',')
	for i, card := range h.Cards {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, card.String()...)
	}
	b = append(b, ',')
	b = AppendCents(b, h.Bet)
	b = append(b, ',')
	b = AppendCents(b, h.BonusBet)
	b = append(b, ',')
	b = appendBool(b, h.RideBet1)
	b = append(b, ',')
	b = appendBool(b, h.RideBet2)
	b = append(b, ',')
	b = append(b, h.Category.String()...)
	b = append(b, ',')
	if h.BonusBet > 0 {
		b = append(b, h.Category3.String()...)
	}
	for _, v := range [...]int64{h.MainNet, h.BonusNet, h.Bankroll} {
		b = append(b, ',')
		b = AppendCents(b, v)
	}
	b = append(b, '\n')
	c.hands.Write(b)
	c.buf = b
}
