import { useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { GuestOnly } from '@/features/auth/components/guest-only';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { AppLayout } from './layout/app-layout';
import { AdminAuditRoute, AdminSlaRoute, AdminStaffRoute, SupportReportsRoute } from './routes/app/admin';
import { ChannelsRoute } from './routes/app/channels';
import { ChatRoute, ChatsRoute } from './routes/app/chats';
import {
  EmployeeKnowledgeRoute,
  EmployeePlaygroundRoute,
  EmployeeSettingsRoute,
  EmployeesRoute,
  NewEmployeeRoute,
} from './routes/app/employees';
import {
  CannedRepliesRoute,
  ConsoleRoute,
  ConsoleTicketRoute,
  MyTicketsRoute,
  QueueRoute,
} from './routes/app/console';
import { FinanceRoute } from './routes/app/finance';
import { HomeRedirect } from './routes/app/home-redirect';
import { GeneralSettingsRoute, IntegrationsSettingsRoute, SettingsRoute } from './routes/app/settings';
import {
  NewTicketRoute,
  SupportHelpRoute,
  SupportHomeRoute,
  SupportRoute,
  TicketRoute,
} from './routes/app/support';
import { LoginRoute } from './routes/auth/login';
import { SignupRoute } from './routes/auth/signup';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: paths.login, element: <LoginRoute /> },
          { path: paths.signup, element: <SignupRoute /> },
        ],
      },
      {
        path: paths.home,
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: paths.employees, element: <EmployeesRoute /> },
              { path: `${paths.employees}/new`, element: <NewEmployeeRoute /> },
              { path: `${paths.employees}/:employeeId`, element: <EmployeeSettingsRoute /> },
              { path: `${paths.employees}/:employeeId/knowledge`, element: <EmployeeKnowledgeRoute /> },
              { path: `${paths.employees}/:employeeId/playground`, element: <EmployeePlaygroundRoute /> },
              { path: paths.chats, element: <ChatsRoute /> },
              { path: `${paths.chats}/:chatId`, element: <ChatRoute /> },
              { path: paths.channels, element: <ChannelsRoute /> },
              { path: paths.finance, element: <FinanceRoute /> },
              { path: paths.supportReports, element: <SupportReportsRoute /> },
              { path: paths.adminSla, element: <AdminSlaRoute /> },
              { path: paths.adminStaff, element: <AdminStaffRoute /> },
              { path: paths.adminAudit, element: <AdminAuditRoute /> },
              {
                path: paths.support,
                element: <SupportRoute />,
                children: [
                  { index: true, element: <SupportHomeRoute /> },
                  { path: 'new', element: <NewTicketRoute /> },
                  { path: 'help', element: <SupportHelpRoute /> },
                  { path: ':ticketId', element: <TicketRoute /> },
                ],
              },
              {
                path: paths.settings,
                element: <SettingsRoute />,
                children: [
                  { index: true, element: <GeneralSettingsRoute /> },
                  { path: 'integrations', element: <IntegrationsSettingsRoute /> },
                ],
              },
              {
                path: '/console',
                element: <ConsoleRoute />,
                children: [
                  { index: true, element: <Navigate to={paths.consoleQueue} replace /> },
                  { path: 'queue', element: <QueueRoute /> },
                  { path: 'mine', element: <MyTicketsRoute /> },
                  { path: 'canned-replies', element: <CannedRepliesRoute /> },
                  { path: 'tickets/:ticketId', element: <ConsoleTicketRoute /> },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
