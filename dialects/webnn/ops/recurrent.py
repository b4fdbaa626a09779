"""Recurrent ops: gru, gruCell, lstm, lstmCell."""
